using System.Text.Json;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.WebApi;

/// <summary>
/// What a method called with a hand-built body answered (see <see cref="SlackWebApiClient.CallAsync(string, System.Text.Json.Nodes.JsonObject, CancellationToken)"/>):
/// the fields every answer has, typed, and the whole answer for whatever the caller reads from it.
/// </summary>
public sealed record SlackApiResult(SlackApiResponse Answer, JsonElement Body)
{
    public bool Ok => Answer.Ok;

    public string? Error => Answer.Error;

    public SlackErrorKind Kind => Answer.Kind;

    public IReadOnlyList<string> Details => Answer.Details;

    public string Describe(string method) => Answer.Describe(method);
}
