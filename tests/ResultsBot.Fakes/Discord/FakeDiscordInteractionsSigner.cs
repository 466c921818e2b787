using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace ResultsBot.Fakes.Discord;

/// <summary>Signs Interactions Endpoint requests as Discord does: Ed25519 over timestamp + raw body, with a fresh key pair.</summary>
public sealed class FakeDiscordInteractionsSigner : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });

    /// <summary>The public key in hex, as the Developer Portal shows it (Discord:PublicKey).</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public string Sign(string timestamp, string body) =>
        Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body)));

    /// <summary>A POST of <paramref name="body"/> with X-Signature-Ed25519 and X-Signature-Timestamp set for <paramref name="signedAt"/>.</summary>
    public HttpRequestMessage SignedRequest(Uri url, string body, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public void Dispose() => _key.Dispose();
}
