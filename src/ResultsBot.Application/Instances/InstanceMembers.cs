namespace ResultsBot.Application.Instances;

/// <summary>
/// Who shares the store with this instance, from what each says every beat: an instance not heard for
/// <see cref="GoneAfter"/> (several beats, so one late beat is not a death) has stopped. Each stop is told once; an
/// instance heard again is simply live again, not news. Safe to use from several threads.
/// </summary>
public sealed class InstanceMembers(TimeProvider time)
{
    /// <summary>How long an instance may go unheard before it counts as stopped (five beats of a second).</summary>
    public static readonly TimeSpan GoneAfter = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);
    private long? _deafSince;

    /// <summary>
    /// The instances running now, this one included. While this instance cannot hear anyone (<see cref="Deaf"/>) it
    /// is the count when it last could: silence it cannot hear through is no reason to think the others gone (and so to
    /// take a larger share of a limit they still use).
    /// </summary>
    public int Live
    {
        get
        {
            lock (_gate)
            {
                var now = _deafSince ?? time.GetTimestamp();
                return 1 + _members.Values.Count(m => HeardLately(m, now));
            }
        }
    }

    /// <summary>
    /// Where this instance (<paramref name="self"/>, holding <paramref name="partitions"/> delivery partitions) stands
    /// among the live instances, 0 first: those holding the most delivery partitions first (they have the most channels
    /// to send to), then in name order. The same order on every instance that hears the same ones, so a remainder can be
    /// given out without two taking it.
    /// </summary>
    public int RankOf(string self, int partitions = 0)
    {
        lock (_gate)
        {
            var now = _deafSince ?? time.GetTimestamp();
            return _members.Count(m => HeardLately(m.Value, now)
                && (m.Value.Partitions > partitions || (m.Value.Partitions == partitions && string.CompareOrdinal(m.Key, self) < 0)));
        }
    }

    /// <summary><paramref name="instance"/> said, with its beat, how many delivery partitions it holds.</summary>
    public void Holds(string instance, int partitions)
    {
        lock (_gate)
        {
            if (_members.TryGetValue(instance, out var member))
            {
                _members[instance] = member with { Partitions = partitions };
            }
        }
    }

    /// <summary>This instance can no longer hear the others (its own connection to the store dropped).</summary>
    public void Deaf()
    {
        lock (_gate)
        {
            _deafSince ??= time.GetTimestamp();
        }
    }

    /// <summary><paramref name="instance"/> said it is alive.</summary>
    public void Heard(string instance)
    {
        lock (_gate)
        {
            var partitions = _members.TryGetValue(instance, out var known) ? known.Partitions : 0;
            _members[instance] = new Member(time.GetTimestamp(), time.GetUtcNow(), Stopped: false, partitions);
        }
    }

    /// <summary>
    /// This instance is listening again after it could not (its own connection to the store dropped): no one could be
    /// heard meanwhile, so everyone still counted live gets a fresh <see cref="GoneAfter"/> to be heard in.
    /// </summary>
    public void Listening()
    {
        lock (_gate)
        {
            _deafSince = null;
            var now = time.GetTimestamp();
            foreach (var (name, member) in _members.Where(m => !m.Value.Stopped).ToList())
            {
                _members[name] = member with { HeardAt = now };
            }
        }
    }

    /// <summary>The instances that have gone unheard too long since the last sweep, each told once (none while deaf).</summary>
    /// <param name="sessions">
    /// How many instances the store says are connected now, this one included, or 0 when it cannot say. An instance
    /// unheard for a while whose session is still there is busy, not stopped (a beat held up on a loaded machine): as
    /// many of the unheard as there are such sessions are not told yet. A killed one's session ends at once.
    /// </param>
    public IReadOnlyList<StoppedInstance> Sweep(int sessions = 0)
    {
        lock (_gate)
        {
            if (_deafSince is not null)
            {
                return [];
            }

            var now = time.GetTimestamp();
            var unheard = _members.Where(m => !m.Value.Stopped && !HeardLately(m.Value, now)).ToList();
            var heard = 1 + _members.Values.Count(m => HeardLately(m, now));
            var busy = sessions > 0 ? Math.Max(0, sessions - heard) : 0;
            // Which of the unheard are the busy ones cannot be told apart: the longest unheard are taken as stopped.
            var gone = unheard.OrderBy(m => m.Value.HeardAt).Take(Math.Max(0, unheard.Count - busy)).ToList();
            foreach (var (name, member) in gone)
            {
                _members[name] = member with { Stopped = true };
            }

            return [.. gone.Select(m => new StoppedInstance(m.Key, m.Value.HeardAtUtc))];
        }
    }

    /// <summary>
    /// <paramref name="instance"/> is known to have stopped now (its lease came free), before it went unheard long
    /// enough: whoever says so takes over telling it, and a later sweep does not tell it again.
    /// </summary>
    /// <returns>When it was last heard; null when it never was.</returns>
    public StoppedInstance? Stop(string instance)
    {
        lock (_gate)
        {
            if (!_members.TryGetValue(instance, out var member))
            {
                return null;
            }

            _members[instance] = member with { Stopped = true };
            return new StoppedInstance(instance, member.HeardAtUtc);
        }
    }

    // Live: not known to have stopped, and heard within GoneAfter of now.
    private bool HeardLately(Member member, long now) => !member.Stopped && time.GetElapsedTime(member.HeardAt, now) < GoneAfter;

    private sealed record Member(long HeardAt, DateTimeOffset HeardAtUtc, bool Stopped, int Partitions = 0);
}
