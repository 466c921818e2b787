using Npgsql;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// A session that holds advisory locks (the coordination's leases, an identify turn): a connection of its own, never
/// pooled, so closing it ends the session and frees its locks; commands that do not come back within seconds mean the
/// server is gone, and the locks with it.
/// </summary>
internal static class LockSessions
{
    /// <summary>
    /// The server ends the session (and frees its locks) soon after the instance's machine goes silent, not hours later
    /// at the kernel's defaults. Allowed to any user, for their own session; sent once the session is open.
    /// </summary>
    public const string ShortKeepalives =
        "SET tcp_keepalives_idle = 3; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 3; SET tcp_user_timeout = 8000;";

    public static string ConnectionString(string connectionString, string applicationName) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            Timeout = 5,
            CommandTimeout = 5,
            KeepAlive = 2,
            ApplicationName = applicationName,
        }.ConnectionString;
}
