using ResultsBot.Slack.Commands;

namespace ResultsBot.Slack.Wire;

/// <summary>What we send back for a Socket Mode envelope: its id and, for a slash command answered in time, the answer.</summary>
internal sealed record SocketAck(string EnvelopeId, SlackCommandResponse? Payload);
