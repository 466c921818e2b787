namespace ResultsBot.Hosting.Storage;

/// <summary>
/// Which store ConnectionStrings:ResultsBot names, so that exactly one store claims it: a string with Npgsql's
/// <c>Host</c> (or its alias <c>Server</c>) keyword is a PostgreSQL server; anything else, or none, is SQLite
/// (the default, whose own checks then say what is wrong with a bad string).
/// </summary>
public static class DatabaseKind
{
    private static readonly string[] ServerKeywords = ["Host", "Server"];

    public static bool IsPostgres(string? connectionString) =>
        !string.IsNullOrWhiteSpace(connectionString)
        && connectionString.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => ServerKeywords.Contains(key, StringComparer.OrdinalIgnoreCase));
}
