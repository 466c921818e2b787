using ResultsBot.Platforms;

namespace ResultsBot.Application.Instances;

/// <summary>
/// A bot-wide limit split evenly between the instances running now: each takes the whole divided by how many are
/// live, rounded down (so together they never exceed it), and at least 1. When one dies the others' shares grow as
/// soon as it counts as stopped; when one joins they shrink as soon as it is heard.
/// </summary>
public sealed class InstanceLimitShare(IInstanceCoordination coordination) : IGlobalLimitShare
{
    public int ShareOf(int wholeLimit) => Math.Max(1, wholeLimit / Math.Max(1, coordination.LiveInstances));
}
