using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// Sends a late answer to a command's response_url (Slack takes up to five there within 30 minutes).
/// The URL itself is a credential for that conversation, so only its host is ever logged.
/// </summary>
internal sealed class ResponseUrlPoster(HttpClient http, ILogger logger)
{
    /// <summary>An answer, or the picture that follows it: never replacing what the caller already sees.</summary>
    public Task<bool> PostAsync(string? responseUrl, SlackCommandResponse response, CancellationToken cancellationToken) =>
        PostAsync(responseUrl, () => JsonContent.Create(response with { ReplaceOriginal = false }, SlackJsonContext.Default.SlackCommandResponse), cancellationToken);

    /// <summary>
    /// Puts <paramref name="response"/> in place of the message the interaction came from (another page of a private
    /// answer): replace_original true, as Slack's docs for response_url say; the message stays as private as it was.
    /// </summary>
    public Task<bool> ReplaceAsync(string? responseUrl, SlackCommandResponse response, CancellationToken cancellationToken) =>
        PostAsync(responseUrl, () => JsonContent.Create(response with { ReplaceOriginal = true }, SlackJsonContext.Default.SlackCommandResponse), cancellationToken);

    /// <summary>Removes the message the interaction came from (a private answer once it has been shared).</summary>
    public Task<bool> DeleteOriginalAsync(string? responseUrl, CancellationToken cancellationToken) =>
        PostAsync(responseUrl, () => JsonContent.Create(new ResponseUrlDelete(), SlackJsonContext.Default.ResponseUrlDelete), cancellationToken);

    private async Task<bool> PostAsync(string? responseUrl, Func<HttpContent> body, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            logger.LogWarning("A slow Slack answer was lost: the command came without a usable response_url");
            return false;
        }

        try
        {
            using var content = body();
            using var reply = await http.PostAsync(url, content, cancellationToken);
            if (reply.IsSuccessStatusCode)
            {
                return true;
            }

            logger.LogWarning("Slack refused a late answer at {Host}: HTTP {Status}", url.Host, (int)reply.StatusCode);
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Could not send a late answer to {Host}: {Error}", url.Host, e.Message);
            return false;
        }
    }
}
