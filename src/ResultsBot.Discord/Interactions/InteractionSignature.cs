using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace ResultsBot.Discord.Interactions;

/// <summary>
/// Checks Discord's Ed25519 signature of an Interactions Endpoint request: X-Signature-Ed25519 over
/// X-Signature-Timestamp + raw body, with the application's public key. Old timestamps are refused too,
/// so a captured request cannot be replayed later.
/// </summary>
internal sealed class InteractionSignature
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly PublicKey _key;

    public InteractionSignature(string publicKeyHex)
    {
        byte[] raw;
        try
        {
            raw = Convert.FromHexString(publicKeyHex.Trim());
        }
        catch (FormatException e)
        {
            throw new ArgumentException("Discord:PublicKey must be the application's public key in hex (64 characters)", nameof(publicKeyHex), e);
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            throw new ArgumentException("Discord:PublicKey is not an Ed25519 public key (64 hex characters)", nameof(publicKeyHex));
        }

        _key = key;
    }

    public bool IsValid(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signatureHex) || signatureHex.Length != 128 || string.IsNullOrEmpty(timestamp))
        {
            return false;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > MaxAge)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var signed = new byte[stamp.Length + body.Length];
        stamp.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(stamp.Length));
        return SignatureAlgorithm.Ed25519.Verify(_key, signed, signature);
    }
}
