using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Subscriptions;

namespace ResultsBot.Domain.Tests.Subscriptions;

public class SubscriptionParserTests
{
    [Theory]
    [InlineData("", "everything")]
    [InlineData("everything", "everything")]
    [InlineData("region london", "region London")]
    [InlineData("region Yorkshire, wales", "region Yorkshire and the Humber, Wales")]
    [InlineData("councils hull, Basingstoke & Deane", "councils Kingston upon Hull, Basingstoke and Deane")]
    [InlineData("party greens; changes", "party Green; changes")]
    [InlineData("types councils, mayors; digest 5m", "types council, mayor; digest 5m")]
    [InlineData("types pccs, parliaments", "types pcc, parliament")]
    [InlineData("digest on", "digest 20s")]
    [InlineData("digest off", "digest off")]
    [InlineData("images on", "images on")]
    [InlineData("changes; Images OFF", "changes; images off")]
    [InlineData("publish; changes", "changes; publish")]
    [InlineData("Publish", "publish")]
    [InlineData("forum per council", "forum per council")]
    [InlineData("region London; Forum Per Council", "region London; forum per council")]
    [InlineData("forum per night", "everything")]
    public void Parse_GoodFilters_WriteBackInTheirCanonicalForm(string text, string written)
    {
        var parse = SubscriptionParser.Parse(text, Regions.KnownCouncils, []);

        Assert.Null(parse.Error);
        Assert.Equal(written, SubscriptionText.Write(parse.Filter!));
    }

    [Theory]
    [InlineData("region Atlantis", "I don't know the region \"Atlantis\"")]
    [InlineData("councils Leeds, Gotham", "I don't know the council \"Gotham\"")]
    [InlineData("party Monster Raving Loony", "I don't know the party \"Monster Raving Loony\"")]
    [InlineData("digest 2h", "digest takes on, off or a window between 5s and 30m")]
    [InlineData("types parishes", "I don't know the election type \"parishes\"")]
    [InlineData("colour blue", "I don't understand \"colour blue\"")]
    [InlineData("region", "Name at least one region")]
    [InlineData("images sometimes", "images takes on or off (e.g. images off), not \"sometimes\"")]
    [InlineData("forum per ward", "forum takes per council or per night (e.g. forum per council), not \"per ward\"")]
    public void Parse_BadFilters_SayWhatIsWrong(string text, string error)
    {
        var parse = SubscriptionParser.Parse(text, Regions.KnownCouncils, []);

        Assert.Null(parse.Filter);
        Assert.StartsWith(error, parse.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UserTextWithMarkup_IsNotEchoedRaw()
    {
        var parse = SubscriptionParser.Parse("region <@everyone>", Regions.KnownCouncils, []);

        Assert.DoesNotContain("<@everyone>", parse.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadStored_WhatWriteStored_ReadsBackTheSame()
    {
        var filter = SubscriptionParser.Parse("region London; councils Hull; party Lab, LD; changes; types councils; digest 90s", Regions.KnownCouncils, []).Filter!;

        var again = SubscriptionParser.ReadStored(SubscriptionText.Write(filter));

        Assert.Equal(SubscriptionText.Write(filter), SubscriptionText.Write(again));
        Assert.Equal(filter.Councils, again.Councils);
        Assert.Equal(TimeSpan.FromSeconds(90), again.DigestWindow);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(2.5)]
    [InlineData(120.0)]
    public void ReadStored_ConsoleDigestWindowShorterThanSubscribeAllows_KeepsTheDigestAndItsWindow(double seconds)
    {
        // Console:DigestWindow may be 1s–30m; /subscribe asks for at least 5s. The stored console filter
        // used to read back as "everything" (no digest at all) when its window was under 5s.
        var filter = SubscriptionFilter.Everything with { Digest = true, DigestWindow = TimeSpan.FromSeconds(seconds), Wards = true };

        var again = SubscriptionParser.ReadStored(SubscriptionText.Write(filter));

        Assert.True(again.Digest);
        Assert.Equal(TimeSpan.FromSeconds(seconds), again.DigestWindow);
        Assert.True(again.Wards);
    }

    [Fact]
    public void Parse_TypedDigestUnderFiveSeconds_IsStillRefused()
    {
        var parse = SubscriptionParser.Parse("digest 2s", Regions.KnownCouncils, []);

        Assert.StartsWith("digest takes on, off or a window between 5s and 30m", parse.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_EveryCurrentEnglishCouncil_HasARegionAndEveryOtherCouncilItsNation()
    {
        var missing = CouncilTable.Current
            .Where(c => c.Nation == Regions.England ? Regions.RegionOf(c.Key) is null : Regions.NationOf(c.Key) != c.Nation)
            .Select(c => c.Name)
            .ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("images on", "every result, each as it comes, with pictures (the map at milestones and changes of control, each council's chamber). Night-wide news (milestones, the national share) too.")]
    [InlineData("images off", "every result, each as it comes, no pictures. Night-wide news (milestones, the national share) too.")]
    [InlineData("everything", "every result, each as it comes, with the map at milestones. Night-wide news (milestones, the national share) too.")]
    [InlineData("councils Leeds; images on", "results in Leeds, each as it comes, with pictures (the map at changes of control, each council's chamber).")]
    [InlineData("councils Leeds", "results in Leeds, each as it comes.")]
    public void Describe_SaysWhichPicturesTheChannelGets(string text, string sentence)
    {
        var filter = SubscriptionParser.Parse(text, Regions.KnownCouncils, []).Filter!;

        Assert.Equal(sentence, SubscriptionText.Describe(filter));
        Assert.Equal(filter.Images, SubscriptionParser.ReadStored(SubscriptionText.Write(filter)).Images);
    }

    [Fact]
    public void Describe_ForumPerCouncil_SaysSoAndReadsBackFromTheStore()
    {
        var filter = SubscriptionParser.Parse("forum per council", Regions.KnownCouncils, []).Filter!;

        Assert.Equal("every result, each as it comes, with the map at milestones, in a forum a post per council. Night-wide news (milestones, the national share) too.", SubscriptionText.Describe(filter));
        Assert.True(SubscriptionParser.ReadStored(SubscriptionText.Write(filter)).ForumPerCouncil);
        Assert.False(SubscriptionParser.ReadStored("everything").ForumPerCouncil);
    }
}
