using System.Security.Cryptography;

namespace ResultsBot.Feeds.Sources;

/// <summary>Identifies a document's content: the same bytes, the same fingerprint.</summary>
public static class ContentFingerprint
{
    public static string Of(byte[] content) => Convert.ToHexString(SHA256.HashData(content));
}
