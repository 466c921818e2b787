using ResultsBot.Platforms;

namespace ResultsBot.Application.Instances;

/// <summary>
/// A bot-wide limit split between the instances running now: each takes the whole divided by how many are live,
/// rounded down, and the first few in the order they agree on one more each, so together they use all of it and never
/// more (50 for three: 17, 17 and 16; three at 16 would make a fan-out 4% slower than one instance alone). At least 1.
/// When one dies the others' shares grow as soon as it counts as stopped; when one joins they shrink as soon as it is heard.
/// </summary>
public sealed class InstanceLimitShare(IInstanceCoordination coordination) : IGlobalLimitShare
{
    public int ShareOf(int wholeLimit)
    {
        var live = Math.Max(1, coordination.LiveInstances);
        var rank = coordination.LiveRank;
        var remainder = rank >= 0 && rank < wholeLimit % live ? 1 : 0;
        return Math.Max(1, (wholeLimit / live) + remainder);
    }
}
