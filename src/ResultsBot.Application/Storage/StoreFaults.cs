namespace ResultsBot.Application.Storage;

/// <summary>What a failure of the store means for the bot, whichever store it is.</summary>
public static class StoreFaults
{
    /// <summary>True for a fault worth retrying: the store busy, locked, full, read-only or out of reach.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        StoreUnavailableException => true,
        StorageException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    /// <summary>True when the store's data itself is damaged or not ours: carrying on would lose or invent results.</summary>
    public static bool IsDamaged(Exception exception) => exception switch
    {
        StoreDamagedException => true,
        StorageException { InnerException: { } inner } => IsDamaged(inner),
        _ => false,
    };

    /// <summary>Any failure that came from the store (as opposed to the message or the platform).</summary>
    public static bool IsStoreFailure(Exception exception) => exception is StorageException or StoreUnavailableException or StoreDamagedException;

    /// <summary>A store fault as a short reason for a person ("the disk is full", "the database is locked by another program").</summary>
    public static string Describe(Exception exception) => exception switch
    {
        StoreUnavailableException => exception.Message,
        StoreDamagedException => $"the database file is damaged ({exception.Message})",
        StorageException { InnerException: (StoreUnavailableException or StoreDamagedException) and var inner } => Describe(inner),
        _ => exception.Message,
    };

    /// <summary>The store's own words for a fault (the database engine's message), for the log beside <see cref="Describe"/>.</summary>
    public static string Detail(Exception exception) => exception.InnerException is { } inner ? Detail(inner) : exception.Message;
}
