namespace ResultsBot.Slack.WebApi;

/// <summary>
/// Slack could not be reached or answered with a server error, a timeout or 429s beyond our patience:
/// nothing is wrong with the request, so try again later.
/// </summary>
public sealed class SlackUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
