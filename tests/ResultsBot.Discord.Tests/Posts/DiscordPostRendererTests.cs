using System.Text;
using System.Text.Json.Nodes;
using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Tests.Support;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Discord.Tests.Posts;

public sealed class DiscordPostRendererTests
{
    [Fact]
    public void Render_Declaration_MakesOneEmbedWithTitleColourFieldsDescriptionAndFooter()
    {
        var body = WireJson.Of(DiscordPostRenderer.Render(SamplePosts.Declaration()));

        var embed = Assert.Single(body["embeds"]!.AsArray())!.AsObject();
        Assert.Equal("Labour gain Rushmoor from Conservatives", (string?)embed["title"]);
        Assert.Equal(0xE4003B, (int?)embed["color"]);
        Assert.Equal("A third of the council up: 13 of 39 seats\nLabour majority of 5 · post 0\n12 of 107 declared", (string?)embed["description"]);
        var fields = embed["fields"]!.AsArray();
        Assert.Equal(["Seats won", "Council now"], fields.Select(f => (string)f!["name"]!));
        Assert.Equal("Labour 9 (+4), Conservatives 3 (−4), Liberal Democrats 1", (string?)fields[0]!["value"]);
        Assert.True((bool?)fields[0]!["inline"]);
        Assert.Equal("PA Media · 3 May 2024, 03:12 UK time", (string?)embed["footer"]!["text"]);
        Assert.Equal("""{"parse":[]}""", body["allowed_mentions"]!.ToJsonString());
        Assert.Empty(DiscordMessageSchema.ValidateCreate(body));
    }

    [Fact]
    public void Render_ValueOver1024_ContinuesInFurtherFields()
    {
        var seats = string.Join(", ", Enumerable.Range(1, 120).Select(i => $"Independent group {i} 1 (+1)"));
        var post = new Post(PostKind.Declaration, "council/x", "Many parties", [new PostSection("Seats won", seats)]);

        var fields = WireJson.Of(DiscordPostRenderer.Embed(post))["fields"]!.AsArray();

        Assert.True(fields.Count > 1);
        Assert.Equal("Seats won", (string?)fields[0]!["name"]);
        Assert.All(fields.Skip(1), f => Assert.Equal("Seats won (cont.)", (string?)f!["name"]));
        Assert.All(fields, f => Assert.InRange(((string)f!["value"]!).Length, 1, 1024));
        Assert.All(fields, f => Assert.False((bool?)f!["inline"]));
        // Nothing lost: the pieces, joined at their cut, are the value.
        Assert.Equal(seats.Replace(" ", "", StringComparison.Ordinal), string.Concat(fields.Select(f => (string)f!["value"]!)).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_MoreThan25Fields_Keeps24AndSaysHowManyMore()
    {
        var sections = Enumerable.Range(1, 40).Select(i => new PostSection($"Ward {i}", "Labour")).ToList();
        var fields = WireJson.Of(DiscordPostRenderer.Embed(new Post(PostKind.Digest, "d", "Wards", sections)))["fields"]!.AsArray();

        Assert.Equal(25, fields.Count);
        Assert.Equal("Ward 24", (string?)fields[23]!["name"]);
        Assert.Equal("16 more parts not shown (too long for one Discord message)", (string?)fields[24]!["value"]);
    }

    [Fact]
    public void Render_TextOver6000InAll_IsShortenedWithANoteAndStillValid()
    {
        var sections = new List<PostSection> { PostSection.Plain(new string('d', 5000)) };
        sections.AddRange(Enumerable.Range(1, 10).Select(i => new PostSection($"Part {i}", new string('v', 900))));
        var post = new Post(PostKind.Announcement, "a", new string('t', 300), sections) { Footer = new string('f', 2500) };

        var body = WireJson.Of(DiscordPostRenderer.Render(post));
        var embed = body["embeds"]![0]!;

        Assert.Empty(DiscordMessageSchema.ValidateCreate(body));
        Assert.EndsWith("…", (string?)embed["title"], StringComparison.Ordinal);
        Assert.EndsWith("(shortened to fit Discord)", (string?)embed["description"], StringComparison.Ordinal);
        Assert.Contains("not shown", (string?)embed["fields"]!.AsArray().Last()!["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MassMentions_AreDefusedInEveryPart()
    {
        var post = new Post(PostKind.Announcement, "a", "@everyone look", [PostSection.Plain("@here now"), new PostSection("@everyone", "@here")]) { Footer = "@everyone" };

        var json = DiscordPostRenderer.Render(post).ToJsonString();

        Assert.DoesNotContain("\"@everyone", json, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", json, StringComparison.Ordinal);
        Assert.Contains("@\\u200Beveryone look", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ColourOf_ReadsHexAndIgnoresJunk()
    {
        Assert.Equal(0x12B6CF, DiscordPostRenderer.ColourOf("#12B6CF"));
        Assert.Equal(0xFFFFFF, DiscordPostRenderer.ColourOf("ffffff"));
        Assert.Null(DiscordPostRenderer.ColourOf("red"));
        Assert.Null(DiscordPostRenderer.ColourOf(null));
    }

    /// <summary>Property-style: many random, long and odd posts; every body must be one Discord accepts.</summary>
    [Fact]
    public void Render_AnyPost_PassesDiscordsSchemaAndLimits()
    {
        var random = new Random(20240503);
        for (var i = 0; i < 300; i++)
        {
            var post = RandomPost(random);
            var reference = i % 2 == 0 ? null : DeliveryReference.For("9223372036854775807");
            var message = DiscordPostRenderer.Render(post, reference);
            var body = WireJson.Of(message);

            var errors = DiscordMessageSchema.ValidateCreate(body);
            Assert.True(errors.Count == 0, $"post {i}: {string.Join("; ", errors)}");
            Assert.Equal("""{"parse":[]}""", body["allowed_mentions"]!.ToJsonString());
            Assert.Single(body["embeds"]!.AsArray());
            if (reference is not null)
            {
                Assert.True(DeliveryReference.IsIn(message, "9223372036854775807"), $"post {i}: the reference was cut");
            }
        }
    }

    [Fact]
    public void Render_TextOver6000InAllWithAReference_KeepsTheWholeReferenceAtTheEndOfTheFooter()
    {
        var sections = new List<PostSection> { PostSection.Plain(new string('d', 5000)) };
        sections.AddRange(Enumerable.Range(1, 10).Select(i => new PostSection($"Part {i}", new string('v', 900))));
        var post = new Post(PostKind.Announcement, "a", new string('t', 300), sections) { Footer = new string('f', 2500) };

        var message = DiscordPostRenderer.Render(post, DeliveryReference.For("4821"));
        var body = WireJson.Of(message);

        Assert.Empty(DiscordMessageSchema.ValidateCreate(body));
        Assert.EndsWith("… · ref 4821", (string?)body["embeds"]![0]!["footer"]!["text"], StringComparison.Ordinal);
        Assert.True(DeliveryReference.IsIn(message, "4821"));
    }

    private static Post RandomPost(Random random)
    {
        var sections = Enumerable.Range(0, random.Next(0, 45))
            .Select(_ => random.Next(3) == 0 ? PostSection.Plain(RandomText(random)) : new PostSection(RandomText(random, 400), RandomText(random)))
            .ToList();
        return new Post((PostKind)random.Next(5), "s", RandomText(random, 600), sections)
        {
            Colour = random.Next(4) == 0 ? "not a colour" : $"#{random.Next(0x1000000):X6}",
            Footer = random.Next(3) == 0 ? null : RandomText(random, 3000),
        };
    }

    private static readonly string[] Pieces = ["Labour", " ", "\n", "\r\n", "🗳️", "😀", "@everyone", "@here", "—", "(+3)", "é", "  ", "\t", ",", "\u200b"];

    private static string RandomText(Random random, int maxPieces = 2500)
    {
        var builder = new StringBuilder();
        var count = random.Next(5) switch { 0 => 0, 1 => random.Next(1, 5), _ => random.Next(1, maxPieces) };
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }
}
