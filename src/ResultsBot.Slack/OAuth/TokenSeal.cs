using System.Security.Cryptography;
using System.Text;

namespace ResultsBot.Slack.OAuth;

/// <summary>
/// Seals a workspace's bot token for the store with AES-GCM under the operator's key (Slack:TokenKey): a copy of the
/// database alone gives nobody a token. The workspace id is bound in as associated data, so a sealed token moved to
/// another workspace's row does not open.
/// </summary>
public sealed class TokenSeal
{
    /// <summary>AES-256: the key is exactly this long.</summary>
    public const int KeyBytes = 32;

    private const string Version = "v1.";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _key;

    public TokenSeal(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException($"the key must be {KeyBytes} bytes", nameof(key));
        }

        // Sealing and signing the install state use different keys derived from the one the operator gives.
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, KeyBytes, info: "resultsbot slack token seal"u8.ToArray());
    }

    /// <summary>"v1." and base64 of nonce, ciphertext and tag.</summary>
    public string Seal(string workspaceId, string token)
    {
        var plain = Encoding.UTF8.GetBytes(token);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(workspaceId));
        return Version + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The token, or null when the sealed text is not one this key sealed for this workspace (another key, tampered, another row).</summary>
    public string? Open(string workspaceId, string sealedToken)
    {
        ArgumentNullException.ThrowIfNull(sealedToken);
        if (!sealedToken.StartsWith(Version, StringComparison.Ordinal))
        {
            return null;
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(sealedToken[Version.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }

        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, Encoding.UTF8.GetBytes(workspaceId));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }
}
