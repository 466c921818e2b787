using ResultsBot.Domain.Messages;
using ResultsBot.Fakes.Slack;
using ResultsBot.Feeds;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Delivery;

/// <summary>What a Slack channel with "images on" should hold after the bundled sample night: each post once, in order, with its pictures.</summary>
internal static class SampleNightInSlack
{
    private static readonly string Sample = Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024");
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The sample's declarations in the order they are posted.</summary>
    public static List<CouncilDeclaration> Declarations() =>
        [.. Directory.GetFiles(Sample, "*.xml").Order(StringComparer.Ordinal).Select(f => FeedParser.Parse(File.ReadAllBytes(f), Path.GetFileName(f)).Messages.OfType<CouncilDeclaration>().Single())];

    /// <summary>
    /// Milestones with the map as the night stood; councils in declaration order, each with its chamber, a change of
    /// control with the map first; every picture a PNG with alt text, shown once, none shared as a message of its own.
    /// </summary>
    public static void AssertEveryPostOnceInOrderWithItsPictures(IReadOnlyList<FakeSlackMessage> messages, IReadOnlyList<CouncilDeclaration> declarations)
    {
        var milestones = messages.Where(m => Header(m).Contains("councils", StringComparison.Ordinal) && Header(m).Contains("declared", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["A quarter of councils declared: 27 of 107", "Half of councils declared: 54 of 107", "Three quarters of councils declared: 81 of 107", "All 107 councils have declared"],
            milestones.Select(Header));
        foreach (var (milestone, declared) in milestones.Zip([27, 54, 81, 107]))
        {
            var map = Assert.Single(milestone.Images);
            Assert.StartsWith("Council control tonight: hex map", map.AltText, StringComparison.Ordinal);
            Assert.Contains($"{declared} of 107 councils declared", map.AltText, StringComparison.Ordinal);
        }

        var councilPosts = messages.Except(milestones).ToList();
        Assert.Equal(declarations.Count, councilPosts.Count);
        foreach (var (post, declaration) in councilPosts.Zip(declarations))
        {
            var name = declaration.Council.Name;
            Assert.True(Header(post).Contains(name, StringComparison.Ordinal), $"expected {name} next, got \"{Header(post)}\"");
            var chamber = post.Images[^1];
            Assert.StartsWith($"{name}: the new council as a half circle", chamber.AltText, StringComparison.Ordinal);
            if (declaration.Controller != declaration.Sitting)
            {
                Assert.Equal(2, post.Images.Count);
                Assert.StartsWith("Council control tonight: hex map", post.Images[0].AltText, StringComparison.Ordinal);
            }
            else
            {
                Assert.Single(post.Images);
            }
        }

        var shown = messages.SelectMany(m => m.Images).ToList();
        Assert.All(shown, image => Assert.Equal(PngSignature, image.Bytes.Take(8)));
        Assert.Equal(shown.Count, shown.Select(i => i.FileId).Distinct().Count());
        Assert.DoesNotContain(messages, m => m.FileIds.Count > 0); // no picture shared as a message of its own
        Assert.True(declarations.Any(d => d.Controller != d.Sitting), "the sample should have changes of control");
    }

    public static string Header(FakeSlackMessage message) => message.Blocks?[0]?["text"]?["text"]?.ToString() ?? "";
}
