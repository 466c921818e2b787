using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using ResultsBot.Platforms;

namespace ResultsBot.Storage.Postgres;

/// <summary>
/// Discord's global limit kept in the database every instance shares: a table with a row for each of the limit's
/// slots, each free from a time or held by a session while its request is in flight. An instance takes free slots for
/// the requests waiting in it and releases each when its answer is in, which frees it a window later by the server's
/// clock, the one clock all instances read alike. Together they never pass the limit, and an instance with more
/// channels to post to uses what the others leave: a fan-out ends when the bot's sending does, not when the busiest
/// instance's fixed part of the limit does (with fixed parts, three instances were up to 4% slower than one).
/// One connection of its own, not pooled: its session names the holder, and slots still held by a session that has
/// ended (an instance killed mid-request) are freed a window later by whichever instance is short of slots and looks.
/// While the database cannot be reached, requests go on with this instance's fixed part of the limit, as
/// <see cref="ShareOf"/> then says.
/// </summary>
public sealed class PostgresBotWideSlots : IBotWideSlots, IGlobalLimitShare, IDisposable
{
    private const string ApplicationName = "resultsbot global limit";

    // The same window as the Discord limiter's own slots.
    private static readonly TimeSpan Window = IBotWideSlots.Window;

    // How often, at most, a short instance looks for slots held by sessions that have ended.
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    // Slots free a window after a release, so one looked for no later than this is never missed.
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly IGlobalLimitShare _fallback;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource<IBotWideSlot?>> _waiting = new();
    private readonly List<int> _released = [];
    private readonly List<int> _unused = [];
    private readonly Channel<bool> _kick = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private Task? _pump;
    private long _session;
    private int _wholeLimit;
    private volatile bool _reachable = true;

    /// <param name="fallback">This instance's fixed part of the limit, kept to while the database is out of reach.</param>
    public PostgresBotWideSlots(string connectionString, IGlobalLimitShare fallback, TimeProvider time, ILogger<PostgresBotWideSlots> logger)
    {
        _connectionString = LockSessions.ConnectionString(connectionString, ApplicationName);
        _fallback = fallback;
        _time = time;
        _logger = logger;
    }

    /// <summary>The whole limit while the slots in the database are reached (they keep the instances under it together); the fixed part otherwise.</summary>
    public int ShareOf(int wholeLimit) => _reachable ? wholeLimit : _fallback.ShareOf(wholeLimit);

    public async Task<IBotWideSlot?> TakeAsync(int wholeLimit, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<IBotWideSlot?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_reachable || _stopping.IsCancellationRequested)
            {
                return null;
            }

            _wholeLimit = Math.Max(_wholeLimit, wholeLimit);
            _waiting.Enqueue(waiter);
            _pump ??= Task.Run(PumpAsync, CancellationToken.None); // the pump outlives any one request
        }

        _kick.Writer.TryWrite(true);
        // A cancelled waiter stays queued but completed; the hand-out skips it, and a slot taken for it goes back unused.
        await using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        return await waiter.Task;
    }

    /// <summary>Ends the session: slots still held are freed by the others a window after they see it gone.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        lock (_gate)
        {
            foreach (var waiter in _waiting)
            {
                waiter.TrySetCanceled();
            }

            _waiting.Clear();
        }
    }

    private async Task PumpAsync()
    {
        var failures = 0;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_connectionString);
                await connection.OpenAsync(_stopping.Token);
                var started = await PrepareAsync(connection, _stopping.Token);
                if (failures > 0)
                {
                    _logger.LogInformation("Reached the database again: Discord's global limit is shared with the other instances there");
                }

                failures = 0;
                lock (_gate)
                {
                    _session++; // releases of the ended session's slots are not this one's to make: the sweep frees them
                    _released.Clear();
                    _unused.Clear();
                    _reachable = true;
                }

                await ServeAsync(connection, started, _stopping.Token);
            }
            // Whatever went wrong, the requests waiting go on: a pump that stopped silently would stop every post.
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                failures++;
                GoOnAlone();
                if (failures == 1)
                {
                    _logger.LogWarning("Cannot reach the database for Discord's global limit ({Reason}): this instance keeps to its part of it until it can", ex.Message);
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, failures)), _time, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Every waiting request goes on under the fixed part of the limit, as do new ones until the database is back.</summary>
    private void GoOnAlone()
    {
        lock (_gate)
        {
            _reachable = false;
            while (_waiting.TryDequeue(out var waiter))
            {
                waiter.TrySetResult(null);
            }
        }
    }

    /// <summary>Short keepalives (a silent server ends the session soon), and this session's start, which names it as a holder with its process id.</summary>
    private static async Task<DateTime> PrepareAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var keepalives = new NpgsqlCommand(LockSessions.ShortKeepalives, connection))
        {
            await keepalives.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var started = new NpgsqlCommand("SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()", connection);
        return (DateTime)(await started.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task ServeAsync(NpgsqlConnection connection, DateTime started, CancellationToken cancellationToken)
    {
        var rows = 0;
        var lastSweep = long.MinValue;
        var wasShort = false;
        while (true)
        {
            var round = NextRound();
            if (round.Wanted == 0 && round.Released.Length == 0 && round.Unused.Length == 0)
            {
                await _kick.Reader.ReadAsync(cancellationToken);
                continue;
            }

            if (round.Limit > rows)
            {
                await AddRowsAsync(connection, round.Limit, cancellationToken);
                rows = round.Limit;
            }

            var sweep = wasShort && (lastSweep == long.MinValue || _time.GetElapsedTime(lastSweep) >= SweepEvery);
            if (sweep)
            {
                lastSweep = _time.GetTimestamp();
            }

            var (taken, nextFree) = await RoundTripAsync(connection, started, round, sweep, cancellationToken);
            HandOut(taken, round.Session);
            wasShort = taken.Count < round.Wanted;
            if (wasShort)
            {
                var wait = nextFree is { } free ? TimeSpan.FromSeconds(Math.Clamp(free, 0.001, LongestWait.TotalSeconds)) : LongestWait;
                await WaitForKickAsync(wait, cancellationToken);
            }
        }
    }

    private Round NextRound()
    {
        lock (_gate)
        {
            var wanted = 0;
            foreach (var waiter in _waiting)
            {
                wanted += waiter.Task.IsCompleted ? 0 : 1;
            }

            var round = new Round(wanted, _wholeLimit, [.. _released], [.. _unused], _session);
            _released.Clear();
            _unused.Clear();
            return round;
        }
    }

    /// <summary>Each slot taken goes to the longest-waiting request still waiting; any left over go back unused next round.</summary>
    private void HandOut(List<int> taken, long session)
    {
        bool leftOver;
        lock (_gate)
        {
            foreach (var slot in taken)
            {
                var given = false;
                while (!given && _waiting.TryDequeue(out var waiter))
                {
                    given = waiter.TrySetResult(new HeldSlot(this, slot, session));
                }

                if (!given)
                {
                    _unused.Add(slot);
                }
            }

            leftOver = _unused.Count > 0;
        }

        if (leftOver)
        {
            _kick.Writer.TryWrite(true);
        }
    }

    private void Released(int slot, long session)
    {
        lock (_gate)
        {
            if (session != _session)
            {
                return;
            }

            _released.Add(slot);
        }

        _kick.Writer.TryWrite(true);
    }

    private async Task WaitForKickAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, _time, timeout.Token);
        var kicked = _kick.Reader.WaitToReadAsync(timeout.Token).AsTask();
        await Task.WhenAny(delay, kicked);
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        _kick.Reader.TryRead(out _);
    }

    private static async Task AddRowsAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO global_limit_slots (slot, free_at) SELECT s, 'epoch' FROM generate_series(0, $1 - 1) s ON CONFLICT (slot) DO NOTHING",
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One round trip: this session's releases (free a window from now) and slots given back unused (free now), slots
    /// of ended sessions freed when <paramref name="sweep"/>, as many free slots taken as requests wait (skipping any
    /// another instance is taking at this moment), and in how many seconds the next held one frees.
    /// </summary>
    private static async Task<(List<int> Taken, double? NextFree)> RoundTripAsync(
        NpgsqlConnection connection, DateTime started, Round round, bool sweep, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        var window = new NpgsqlParameter<TimeSpan> { TypedValue = Window };
        if (round.Released.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                "UPDATE global_limit_slots SET free_at = clock_timestamp() + $2 WHERE slot = ANY($1) AND holder_pid = pg_backend_pid() AND free_at = 'infinity'",
                new NpgsqlParameter<int[]> { TypedValue = round.Released },
                window));
        }

        if (round.Unused.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                "UPDATE global_limit_slots SET free_at = clock_timestamp() WHERE slot = ANY($1) AND holder_pid = pg_backend_pid() AND free_at = 'infinity'",
                new NpgsqlParameter<int[]> { TypedValue = round.Unused }));
        }

        if (sweep)
        {
            // A session is its process id and its start together: a new session may be given an ended one's id. An
            // instance signed in as another role sees no start for its sessions (PostgreSQL hides it): the id then stands alone.
            batch.BatchCommands.Add(Command(
                """
                UPDATE global_limit_slots s SET free_at = clock_timestamp() + $1
                WHERE free_at = 'infinity'
                  AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                                  WHERE a.pid = s.holder_pid AND (a.backend_start = s.holder_started OR a.backend_start IS NULL))
                """,
                new NpgsqlParameter<TimeSpan> { TypedValue = Window }));
        }

        var limit = new NpgsqlParameter<int> { TypedValue = round.Limit };
        batch.BatchCommands.Add(Command(
            """
            UPDATE global_limit_slots s SET holder_pid = pg_backend_pid(), holder_started = $3, free_at = 'infinity'
            FROM (SELECT slot FROM global_limit_slots WHERE slot < $2 AND free_at <= clock_timestamp()
                  ORDER BY slot LIMIT $1 FOR UPDATE SKIP LOCKED) f
            WHERE s.slot = f.slot
            RETURNING s.slot
            """,
            new NpgsqlParameter<int> { TypedValue = round.Wanted },
            limit,
            new NpgsqlParameter<DateTime> { TypedValue = started }));
        batch.BatchCommands.Add(Command(
            "SELECT EXTRACT(EPOCH FROM min(free_at) - clock_timestamp())::float8 FROM global_limit_slots WHERE slot < $1 AND free_at <> 'infinity'",
            new NpgsqlParameter<int> { TypedValue = round.Limit }));

        var taken = new List<int>(round.Wanted);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(reader.GetInt32(0));
        }

        await reader.NextResultAsync(cancellationToken);
        double? nextFree = await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetDouble(0) : null;
        return (taken, nextFree);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private readonly record struct Round(int Wanted, int Limit, int[] Released, int[] Unused, long Session);

    private sealed class HeldSlot(PostgresBotWideSlots owner, int slot, long session) : IBotWideSlot
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Released(slot, session);
            }
        }
    }
}
