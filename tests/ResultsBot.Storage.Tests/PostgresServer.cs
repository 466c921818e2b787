using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ResultsBot.Storage.Tests;

/// <summary>
/// A throwaway PostgreSQL server for the tests: initdb into a temporary folder, started on a free loopback port with its
/// socket in that folder, stopped and deleted at the end; each test takes a fresh database of its own. PostgreSQL refuses
/// to run as root, so as root the server runs as the distribution's postgres user. Without PostgreSQL installed the tests
/// fail saying so: a silent skip would pass a store nobody ran.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string User = "resultsbot";
    private readonly string _folder;
    private readonly string _bin;
    private readonly string? _runAs;
    private int _databases;

    public PostgresServer()
    {
        _bin = FindBinaries();
        _runAs = Environment.UserName == "root" ? "postgres" : null;
        _folder = Path.Combine(Path.GetTempPath(), "resultsbot-postgres-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        if (_runAs is not null)
        {
            Run("chown", [_runAs, _folder], asServer: false);
        }

        Port = FreePort();
        var data = Path.Combine(_folder, "data");
        // Trust on loopback only, no fsync: a test server that is deleted at the end needs neither a password nor durability.
        Run(Path.Combine(_bin, "initdb"), ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], asServer: true);
        Run(
            Path.Combine(_bin, "pg_ctl"),
            ["-D", data, "-w", "-t", "30", "-l", Path.Combine(_folder, "server.log"),
             "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {_folder} -c listen_addresses=127.0.0.1 -F -c max_connections=200", "start"],
            asServer: true);
    }

    public int Port { get; }

    /// <summary>The connection string of a new, empty database.</summary>
    public string NewDatabase()
    {
        var name = "test_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Database={database};Username={User}";

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], asServer: true);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>initdb and pg_ctl: on PATH, or where Debian's postgresql package puts them (newest version first).</summary>
    private static string FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        return onPath.Concat(debian).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL is not installed: initdb and pg_ctl were found neither on PATH nor in /usr/lib/postgresql/*/bin. " +
                "Install Debian's postgresql package (.ci/run does) to run the PostgreSQL store's tests.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string program, string[] arguments, bool asServer)
    {
        var info = asServer && _runAs is not null
            ? new ProcessStartInfo("runuser", ["-u", _runAs, "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = _folder;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}" +
                (File.Exists(log) ? "\nserver log:\n" + File.ReadAllText(log) : ""));
        }
    }
}
