namespace ResultsBot.Application.Pipeline;

/// <summary>What the running bot reads and how: the first poll of the bundled sample is a paced replay.</summary>
/// <param name="SampleDirectory">The bundled sample's folder, whose first result warms the code up before the night.</param>
public sealed record BotRunPlan(string Description, TimeSpan PollInterval, ProcessingMode FirstPoll, bool IsBundledSample, string SampleDirectory);
