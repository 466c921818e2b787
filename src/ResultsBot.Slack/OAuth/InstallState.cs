using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ResultsBot.Slack.OAuth;

/// <summary>
/// The OAuth state parameter: when it was issued, a random part and an HMAC over both, under a key derived from
/// Slack:TokenKey. On the way back it must carry our signature, be at most <see cref="Lifetime"/> old and match the
/// cookie the install page set in the same browser (so a link someone else started cannot complete in your browser).
/// </summary>
public sealed class InstallState(byte[] key, TimeProvider time)
{
    /// <summary>How long someone may take on Slack's consent page.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(10);

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "resultsbot slack install state"u8.ToArray());

    /// <summary>"issued.random.signature", URL-safe.</summary>
    public string Issue()
    {
        var issued = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var random = Base64Url(RandomNumberGenerator.GetBytes(16));
        var body = issued + "." + random;
        return body + "." + Sign(body);
    }

    /// <summary>Why the state is refused, or null when it is ours, unexpired and the one this browser was given.</summary>
    public string? Problem(string? state, string? cookie)
    {
        if (string.IsNullOrEmpty(state))
        {
            return "the state is missing";
        }

        var parts = state.Split('.');
        if (parts.Length != 3 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1])), Encoding.ASCII.GetBytes(parts[2])))
        {
            return "the state was not signed by this bot";
        }

        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued) > Lifetime)
        {
            return "the install link has expired: start again";
        }

        return string.Equals(state, cookie, StringComparison.Ordinal) ? null : "the install was started in another browser: start again";
    }

    private string Sign(string body) => Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
