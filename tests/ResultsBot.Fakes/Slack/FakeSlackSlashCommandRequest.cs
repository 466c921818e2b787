using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// Builds the signed, form-encoded POST Slack sends to an app's slash command URL, for endpoint tests.
/// Signing follows Slack's docs ("Verifying requests from Slack"), written here independently of the adapter.
/// </summary>
public static class FakeSlackSlashCommandRequest
{
    public static HttpRequestMessage Create(Uri endpoint, string signingSecret, DateTimeOffset sentAt, FakeSlackSlashCommand command, Uri responseUrl)
    {
        var body = FormBody(command.Fields(responseUrl, "13345224609.738474920.8088930838d88f008e0"));
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Sign(signingSecret, timestamp, body));
        return request;
    }

    /// <summary>"v0=" + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)).</summary>
    public static string Sign(string signingSecret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    public static string FormBody(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));
}
