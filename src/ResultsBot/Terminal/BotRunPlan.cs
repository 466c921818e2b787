using ResultsBot.Pipeline;

namespace ResultsBot.Terminal;

/// <summary>What the running bot reads and how: the first poll of the bundled sample is a paced replay.</summary>
public sealed record BotRunPlan(string Description, TimeSpan PollInterval, ProcessingMode FirstPoll, bool IsBundledSample);
