using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Feeds.Pa;

namespace ResultsBot.Feeds.Tests;

public class FeedBatchTests
{
    [Fact]
    public void Arrange_RevisionsArrivingHighestFirst_PutsLowestFirst()
    {
        FeedMessage[] items = [Result("Bolton", 2), Result("Bolton", 1)];

        var arranged = FeedBatch.Arrange(items, m => m);

        Assert.Equal([1, 2], arranged.Select(m => m.Revision));
    }

    [Fact]
    public void Arrange_HackneyMayoralFilesOutOfOrder_NominationsFirstAndEachKindsRevisionsRising()
    {
        var names = new[]
        {
            "Mayoral_Elections_Test_rush_Hackney_2.xml", "Mayoral_Elections_Test_result_Hackney_3.xml", "Mayoral_Elections_Test_rush_Hackney_1.xml",
            "Mayoral_Elections_Test_result_Hackney_1.xml", "Mayoral_Elections_Test_nominations_Hackney_1.xml",
        };
        var documents = names.Select((name, i) => new FeedDocument(name, SharedFeeds.PaBytes(name), i + 1)).ToList();
        var messages = documents.ToDictionary(d => d, d => Assert.Single(PaFeedParser.Parse(d.Content).Messages));

        var arranged = FeedBatch.Arrange(documents, d => messages[d]);

        Assert.Equal(
            [
                "Mayoral_Elections_Test_nominations_Hackney_1.xml",
                "Mayoral_Elections_Test_rush_Hackney_1.xml", "Mayoral_Elections_Test_result_Hackney_1.xml", "Mayoral_Elections_Test_rush_Hackney_2.xml",
                "Mayoral_Elections_Test_result_Hackney_3.xml",
            ],
            arranged.Select(d => d.Origin));
    }

    [Fact]
    public void Arrange_RealBoltonAndGreenwichFilesInReverseNameOrder_PostsEachResultBeforeItsCorrection()
    {
        var names = new[]
        {
            "Local_Test_result_Greenwich_2.xml", "Local_Test_result_Thurrock_1.xml", "Local_Test_result_Bolton_2.xml",
            "Local_Test_result_Greenwich_1.xml", "Local_Test_nominations_Bolton.xml", "Local_Test_result_Bolton_1.xml",
        };
        var documents = names.Select((name, i) => new FeedDocument(name, SharedFeeds.PaBytes(name), i + 1)).ToList();
        var messages = documents.ToDictionary(d => d, d => Assert.Single(PaFeedParser.Parse(d.Content).Messages));

        var arranged = FeedBatch.Arrange(documents, d => messages[d]);

        Assert.Equal(
            [
                "Local_Test_nominations_Bolton.xml",
                "Local_Test_result_Greenwich_1.xml", "Local_Test_result_Thurrock_1.xml", "Local_Test_result_Bolton_1.xml",
                "Local_Test_result_Greenwich_2.xml", "Local_Test_result_Bolton_2.xml",
            ],
            arranged.Select(d => d.Origin));
    }

    [Fact]
    public void Arrange_AnyArrivalOrder_RevisionsRiseNominationsLeadOthersKeepArrivalOrder()
    {
        FeedMessage[] messages =
        [
            Result("Bolton", 1), Result("Bolton", 2), Result("Bolton", 3),
            Result("Thurrock", 1), Result("Adur", 1), Nominations("Harlow"), Nominations("Bolton"),
        ];

        foreach (var arrival in Permutations(messages))
        {
            var arranged = FeedBatch.Arrange(arrival, m => m);

            Assert.Equal(arrival.Count, arranged.Count);
            Assert.Equal(arrival.ToHashSet(), arranged.ToHashSet());

            // Nominations first, in arrival order.
            Assert.Equal(arrival.OfType<CouncilNominations>(), arranged.Take(2));

            // Bolton's revisions rise wherever they sit.
            Assert.Equal([1, 2, 3], arranged.Where(m => m.Key == "council/bolton").Select(m => m.Revision));

            // Everything else keeps arrival order, and Bolton keeps the slots its files arrived in.
            var rest = arrival.Where(m => m is not CouncilNominations).ToList();
            var arrangedRest = arranged.Skip(2).ToList();
            for (var i = 0; i < rest.Count; i++)
            {
                if (rest[i].Key == "council/bolton")
                {
                    Assert.Equal("council/bolton", arrangedRest[i].Key);
                }
                else
                {
                    Assert.Same(rest[i], arrangedRest[i]);
                }
            }
        }
    }

    [Fact]
    public void Arrange_SameRevisionTwice_KeepsArrivalOrder()
    {
        var first = Result("Bolton", 1, labSeats: 25);
        var second = Result("Bolton", 1, labSeats: 24);

        var arranged = FeedBatch.Arrange<FeedMessage>([second, first], m => m);

        Assert.Same(second, arranged[0]);
        Assert.Same(first, arranged[1]);
    }

    [Fact]
    public void Arrange_StatesOfParties_RiseByResultsIncluded()
    {
        var arranged = FeedBatch.Arrange<FeedMessage>([State(136), Result("Adur", 1), State(34), State(98)], m => m);

        Assert.Equal(["sop/all", "council/adur", "sop/all", "sop/all"], arranged.Select(m => m.Key));
        Assert.Equal([34, 1, 98, 136], arranged.Select(m => m.Revision));
    }

    [Fact]
    public void Arrange_Empty_GivesEmpty()
    {
        Assert.Empty(FeedBatch.Arrange(Array.Empty<FeedMessage>(), m => m));
    }

    private static CouncilDeclaration Result(string council, int revision, int labSeats = 30) => new(
        revision, new Council(council, null, "Metro", Proportion.Third), new DateOnly(2026, 5, 7),
        new PartyCode("Lab"), new PartyCode("Lab"), false, null, [], ChangeBasis.SeatsLastFought,
        [new PartySeats(new PartyCode("Lab"), labSeats)]);

    private static CouncilNominations Nominations(string council) =>
        new(1, new Council(council, null, "Metro", Proportion.Third), new DateOnly(2026, 5, 7), []);

    private static StateOfParties State(int results) => new(results, "All", results, 136, [], []);

    private static IEnumerable<List<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
