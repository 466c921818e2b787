namespace ResultsBot.Application.Storage;

/// <summary>What the store's health watch asks: can it still write, and is it still the store the bot opened.</summary>
public interface IStoreProbe
{
    /// <summary>Writes and commits one small row; throws the store's fault if a real write would fail now.</summary>
    void ProbeWrite();

    /// <summary>The file the store lives in, when it is one (the bot watches that it stays there); null otherwise.</summary>
    string? FilePath { get; }

    /// <summary>Null while the store is still the one opened; otherwise what happened to it (a database file deleted or replaced).</summary>
    string? CheckFile();
}
