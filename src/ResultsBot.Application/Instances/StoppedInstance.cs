namespace ResultsBot.Application.Instances;

/// <summary>Another instance sharing the store that is no longer heard: it died, or lost its connection to the store.</summary>
/// <param name="Instance">Its name (host and process id).</param>
/// <param name="LastHeard">When it last said it was alive.</param>
public sealed record StoppedInstance(string Instance, DateTimeOffset LastHeard);
