namespace ResultsBot.Application.Storage;

/// <summary>What every store says about its schema version, in the same words whichever store it is.</summary>
public static class SchemaVersions
{
    /// <summary>
    /// A database written by a later release: this program would misread or damage what it does not know, so it
    /// refuses to start rather than guess.
    /// </summary>
    public static StorageException NewerThanProgram(int found, int known) =>
        new($"ConnectionStrings:ResultsBot: the database was made by a newer ResultsBot (schema {found}; this one knows up to {known})");
}
