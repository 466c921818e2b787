using ResultsBot.Domain.Messages;

namespace ResultsBot.Feeds;

/// <summary>
/// Puts messages found together (a replayed folder, one poll) in the order they should be taken:
/// nominations first, then arrival order, except that a council's revisions always go lowest first,
/// so a folder holding revisions 1 and 2 posts the result and then its correction whatever the file names.
/// </summary>
public static class FeedBatch
{
    public static IReadOnlyList<T> Arrange<T>(IReadOnlyList<T> items, Func<T, FeedMessage> messageOf)
    {
        var ordered = items
            .Select((item, index) => (Item: item, Index: index))
            .OrderBy(x => messageOf(x.Item) is CouncilNominations or CandidateNominations ? 0 : 1)
            .ThenBy(x => x.Index)
            .Select(x => x.Item)
            .ToArray();

        // Each key keeps the slots it occupies; its messages fill them in rising revision.
        foreach (var group in ordered.Select((item, slot) => (Item: item, Slot: slot)).GroupBy(x => messageOf(x.Item).Key).Where(g => g.Count() > 1).ToList())
        {
            var slots = group.Select(x => x.Slot).ToList();
            var byRevision = group.Select(x => x.Item).OrderBy(item => messageOf(item).Revision).ToList();
            for (var i = 0; i < slots.Count; i++)
            {
                ordered[slots[i]] = byRevision[i];
            }
        }

        return ordered;
    }
}
