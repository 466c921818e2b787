using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ResultsBot.Slack.WebApi;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.OAuth;

/// <summary>
/// oauth.v2.access: trades the code Slack gave the browser for the workspace's bot token. The client id and secret go
/// as HTTP Basic credentials (Slack's preferred way), never in a URL.
/// </summary>
internal sealed class OAuthExchange(HttpClient http, SlackOptions options, SlackOAuthOptions oauth)
{
    public async Task<OAuthAccessResponse> ExchangeAsync(string code, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string> { ["code"] = code };
        if (oauth.RedirectUrl is { } redirect)
        {
            // Must be the redirect_uri the authorize step used, when it used one.
            fields["redirect_uri"] = redirect.ToString();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, options.MethodUrl("oauth.v2.access")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(oauth.ClientId + ":" + oauth.ClientSecret)));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return JsonSerializer.Deserialize(text, SlackJsonContext.Default.OAuthAccessResponse)
                ?? throw new SlackUnavailableException("oauth.v2.access answered null; try the install again");
        }
        catch (JsonException e)
        {
            throw new SlackUnavailableException($"oauth.v2.access answered something that is not a Web API answer ({e.Message}); try the install again", e);
        }
        catch (HttpRequestException e)
        {
            throw new SlackUnavailableException($"oauth.v2.access could not reach Slack ({e.Message}); try the install again", e);
        }
    }
}
