using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>Turns a council's declaration into the post people read: the call first, then the numbers.</summary>
/// <param name="culture">How numbers and ordinals are written.</param>
/// <param name="sourceName">Named in each post's footer: where the results come from.</param>
public sealed class DeclarationPostComposer(CultureInfo culture, string sourceName = "PA Media")
{
    /// <param name="receivedAt">When the bot took the result, for the footer when the feed gives no declaration time.</param>
    public Post Compose(CouncilDeclaration declaration, ResultsBook book, DateTimeOffset? receivedAt = null) =>
        Finish(
            new Post(PostKind.Declaration, declaration.Key, Headlines.For(declaration), [.. Sections(declaration), .. Context(declaration, book), PostSection.Plain(Progress(book))]),
            declaration,
            receivedAt);

    /// <summary>A correction: what changed against the post already made, then the corrected result in full.</summary>
    public Post? ComposeCorrection(CouncilDeclaration previous, CouncilDeclaration current, ResultsBook book, DateTimeOffset? receivedAt = null)
    {
        // The council's type or PA id are not in the post; a revision changing only those is no correction.
        if (previous.SameResultAs(current with { Council = previous.Council with { Proportion = current.Council.Proportion } }))
        {
            return null;
        }

        var differences = Differences(previous, current).ToList();
        var summary = differences.Count == 0
            ? $"Revision {current.Revision} revises the seat changes."
            : $"Revision {current.Revision} corrects the earlier result: {string.Join("; ", differences)}.";
        return Finish(
            new Post(
                PostKind.Correction,
                current.Key,
                "Correction: " + Headlines.For(current),
                [PostSection.Plain(summary), .. Sections(current), PostSection.Plain(Progress(book))]),
            current,
            receivedAt);
    }

    /// <summary>The result without the night's progress line, as plain lines: what /council answers.</summary>
    public IReadOnlyList<string> Body(CouncilDeclaration declaration) => [.. Sections(declaration).Select(s => s.ToPlainText())];

    /// <summary>The result itself: what was up, seats won and the new council (as fields), the note on changes, the majority.</summary>
    public IReadOnlyList<PostSection> Sections(CouncilDeclaration declaration)
    {
        var sections = new List<PostSection> { PostSection.Plain(SeatsUp(declaration)) };
        var changesOnWon = declaration.Elected is not null && declaration.ChangeBasis != ChangeBasis.CouncilBeforePoll;
        if (declaration.Elected is not null)
        {
            sections.Add(new PostSection("Seats won", SeatLines.Format(declaration.Elected, changesOnWon ? declaration.Changes : null, culture)));
        }

        var label = declaration.Elected is null ? "New council" : "Council now";
        sections.Add(new PostSection(label, SeatLines.Format(declaration.NewCouncil, changesOnWon ? null : declaration.Changes, culture)));

        if (ChangeNote(declaration) is { } note)
        {
            sections.Add(PostSection.Plain(note));
        }

        sections.Add(PostSection.Plain(Majority(declaration)));
        return sections;
    }

    /// <summary>What the night's record adds: uncontested seats from nominations, the parties' running tallies.</summary>
    private IEnumerable<PostSection> Context(CouncilDeclaration declaration, ResultsBook book)
    {
        var uncontested = book.NominationsFor(declaration.Council.Key)?.Parties.Sum(p => p.UnopposedReturns) ?? 0;
        if (uncontested > 0)
        {
            var verb = uncontested == 1 ? "was" : "were";
            yield return PostSection.Plain($"{Numbers.Seats(uncontested, culture)} {verb} uncontested.");
        }

        if (NightTally.Describe(declaration, book, culture) is { } tally)
        {
            yield return PostSection.Plain(tally);
        }
    }

    private Post Finish(Post post, CouncilDeclaration declaration, DateTimeOffset? receivedAt)
    {
        var time = (declaration.DeclaredAt ?? receivedAt) is { } at ? " · " + UkTime.Format(at, culture) : "";
        return post with { Colour = PartyColours.Of(declaration.Winner), Footer = sourceName + time, Topic = TopicOf(declaration) };
    }

    private static PostTopic TopicOf(CouncilDeclaration declaration)
    {
        var parties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var party in new[] { declaration.Winner, declaration.Sitting }.Where(p => !p.IsNoOverallControl))
        {
            parties.Add(PartyNames.Canonical(party.Value));
        }

        foreach (var change in (declaration.Changes ?? []).Where(c => c.Change != 0))
        {
            parties.Add(PartyNames.Canonical(change.Party.Value));
        }

        var changed = declaration.Outcome is ControlOutcome.Gain or ControlOutcome.GainFromNoOverallControl or ControlOutcome.LossToNoOverallControl;
        return new PostTopic(declaration.Council.Key, declaration.Council.Name, "council", parties, changed);
    }

    private string SeatsUp(CouncilDeclaration d)
    {
        var total = Numbers.Count(d.TotalSeats, culture);
        var up = Numbers.Count(d.SeatsUp, culture);
        var boundaries = d.BoundaryChange ? " on new boundaries" : "";
        // Go by the seats when they say the whole council was up, whatever the usual cycle.
        var proportion = d.SeatsUp >= d.TotalSeats ? Councils.Proportion.All : d.Council.Proportion;
        return proportion switch
        {
            Councils.Proportion.All => $"Whole council up{boundaries}: {Numbers.Seats(d.TotalSeats, culture)}",
            Councils.Proportion.Half => $"Half the council up{boundaries}: {up} of {total} seats",
            _ => $"A third of the council up{boundaries}: {up} of {total} seats",
        };
    }

    private static string? ChangeNote(CouncilDeclaration d) => (d.Changes, d.ChangeBasis, d.BoundaryChange) switch
    {
        (null, _, true) => "New boundaries: no like-for-like seat changes.",
        (null, _, false) => "No seat changes given.",
        ({ Count: 0 }, _, _) => "No seats changed hands.",
        (_, ChangeBasis.CouncilBeforePoll, _) => "Changes are against the council before the poll.",
        (_, ChangeBasis.Notional, _) or (_, _, true) => "Changes are against notional results on the new boundaries.",
        _ => null,
    };

    private string Majority(CouncilDeclaration d)
    {
        var total = d.TotalSeats;
        var needed = (total / 2) + 1;
        if (!d.Winner.IsNoOverallControl)
        {
            var seats = d.SeatsOf(d.Winner);
            var majority = seats - (total - seats);
            return $"{PartyNames.AdjectiveOf(d.Winner)} majority of {Numbers.Count(majority, culture)}";
        }

        var largest = d.NewCouncil.OrderByDescending(p => p.Seats).ToList();
        if (largest.Count == 0)
        {
            return "No seats declared.";
        }

        if (largest.Count > 1 && largest[0].Seats == largest[1].Seats)
        {
            // In the order the seat line gives them: "Conservatives, Greens and Labour".
            var tied = largest.TakeWhile(p => p.Seats == largest[0].Seats)
                .Select(p => PartyNames.NameOf(p.Party))
                .Order(StringComparer.Ordinal)
                .ToList();
            var names = string.Join(", ", tied[..^1]) + " and " + tied[^1];
            return $"Largest parties: {names}, {Numbers.Count(largest[0].Seats, culture)} seats each, {Numbers.Count(needed - largest[0].Seats, culture)} short of a majority";
        }

        var top = largest[0];
        return $"Largest party: {PartyNames.NameOf(top.Party)}, {Numbers.Count(needed - top.Seats, culture)} short of a majority ({Numbers.Count(needed, culture)} needed)";
    }

    private string Progress(ResultsBook book) => book.ExpectedCount is { } expected
        ? $"{Numbers.Count(book.DeclaredCount, culture)} of {Numbers.Count(expected, culture)} declared"
        : $"{Numbers.Count(book.DeclaredCount, culture)} declared";

    private IEnumerable<string> Differences(CouncilDeclaration previous, CouncilDeclaration current)
    {
        if (Headlines.For(previous) != Headlines.For(current))
        {
            yield return $"now \"{Headlines.For(current)}\", not \"{Headlines.For(previous)}\"";
        }

        foreach (var text in SeatDifferences(previous.NewCouncil, current.NewCouncil, "seats"))
        {
            yield return text;
        }

        if (SeatsUp(previous) != SeatsUp(current))
        {
            yield return SeatsUp(current);
        }

        if (previous.Elected is not null && current.Elected is not null)
        {
            foreach (var text in SeatDifferences(previous.Elected, current.Elected, "won"))
            {
                yield return text;
            }
        }
    }

    private IEnumerable<string> SeatDifferences(IReadOnlyList<PartySeats> before, IReadOnlyList<PartySeats> after, string what)
    {
        var parties = before.Select(p => p.Party).Concat(after.Select(p => p.Party)).Distinct();
        foreach (var party in parties)
        {
            var was = before.Where(p => p.Party == party).Sum(p => p.Seats);
            var now = after.Where(p => p.Party == party).Sum(p => p.Seats);
            if (was != now)
            {
                yield return what == "won"
                    ? $"{PartyNames.NameOf(party)} won {Numbers.Count(now, culture)} (was {Numbers.Count(was, culture)})"
                    : $"{PartyNames.NameOf(party)} {Numbers.Count(now, culture)} seats (was {Numbers.Count(was, culture)})";
            }
        }
    }
}
