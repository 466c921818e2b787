namespace ResultsBot.Discord.Tests;

/// <summary>A Random whose NextDouble is fixed, so heartbeat jitter and Invalid Session waits are predictable.</summary>
internal sealed class GatewayFixedRandom(double value) : Random
{
    public override double NextDouble() => value;
}
