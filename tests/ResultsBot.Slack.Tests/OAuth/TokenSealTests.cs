using ResultsBot.Slack.OAuth;

namespace ResultsBot.Slack.Tests.OAuth;

public sealed class TokenSealTests
{
    private const string Token = "xoxb-1234567890-0987654321-abcdefABCDEF0123456789";

    [Fact]
    public void Seal_ThenOpen_GivesTheTokenBackAndEachSealIsDifferent()
    {
        var seal = new TokenSeal(OAuthRig.Key);

        var first = seal.Seal("T0AAAAAAA", Token);
        var second = seal.Seal("T0AAAAAAA", Token);

        Assert.NotEqual(first, second); // a fresh nonce each time
        Assert.StartsWith("v1.", first, StringComparison.Ordinal);
        Assert.Equal(Token, seal.Open("T0AAAAAAA", first));
        Assert.Equal(Token, seal.Open("T0AAAAAAA", second));
    }

    [Fact]
    public void Open_TamperedOtherWorkspaceOrNotASeal_Null()
    {
        var seal = new TokenSeal(OAuthRig.Key);
        var sealedToken = seal.Seal("T0AAAAAAA", Token);
        var bytes = Convert.FromBase64String(sealedToken[3..]);
        bytes[^1] ^= 1;

        Assert.Null(seal.Open("T0AAAAAAA", "v1." + Convert.ToBase64String(bytes)));
        Assert.Null(seal.Open("T0BBBBBBB", sealedToken));
        Assert.Null(seal.Open("T0AAAAAAA", Token));
        Assert.Null(seal.Open("T0AAAAAAA", "v1.not base64"));
        Assert.Null(seal.Open("T0AAAAAAA", "v1.AAAA"));
    }

    [Fact]
    public void New_KeyNot32Bytes_Refused() =>
        Assert.Throws<ArgumentException>(() => new TokenSeal(new byte[16]));
}
