namespace ResultsBot.Storage.Postgres;

/// <summary>A delivery partition's advisory lock (its two-int key) and the backend whose session holds it.</summary>
internal readonly record struct DeliveryLease(int Kind, int Key, int SessionPid);
