using System.Security.Cryptography;

namespace ResultsBot.Feeds.Sources;

internal static class ContentFingerprint
{
    public static string Of(byte[] content) => Convert.ToHexString(SHA256.HashData(content));
}
