using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>Turns a council's declaration into the post people read: the call first, then the numbers, each on its stated basis.</summary>
/// <param name="culture">How numbers and ordinals are written.</param>
/// <param name="sourceName">Named in each post's footer: where the results come from.</param>
public sealed class DeclarationPostComposer(CultureInfo culture, string sourceName = "PA Media")
{
    /// <param name="receivedAt">When the bot took the result, for the footer when the feed gives no declaration time.</param>
    public Post Compose(CouncilDeclaration declaration, ResultsBook book, DateTimeOffset? receivedAt = null)
    {
        declaration = WithCouncilBefore(declaration, book);
        return Finish(
            new Post(PostKind.Declaration, declaration.Key, Headlines.For(declaration), [.. Sections(declaration), .. Context(declaration, book), PostSection.Plain(Progress(book))]),
            declaration,
            receivedAt);
    }

    /// <summary>
    /// The declaration with the council as it stood before the poll: PA's results do not carry it, but its
    /// nominations do (seats held), so "Council now: Labour 24 (was 18)" works on a real night too.
    /// </summary>
    public static CouncilDeclaration WithCouncilBefore(CouncilDeclaration declaration, ResultsBook book)
    {
        if (declaration.CouncilBefore is not null || book.NominationsFor(declaration.Council.Key) is not { } nominations)
        {
            return declaration;
        }

        var held = nominations.Parties.Where(p => p.SeatsHeld > 0)
            .GroupBy(p => p.Party)
            .Select(g => new PartySeats(g.Key, g.Sum(p => p.SeatsHeld)))
            .ToList();
        return held.Count == 0 ? declaration : declaration with { CouncilBefore = held };
    }

    /// <summary>A correction: what our earlier post said and what is right, in plain figures, then the corrected result in full.</summary>
    /// <param name="previousAt">When the post being corrected went out, if known.</param>
    public Post? ComposeCorrection(CouncilDeclaration previous, CouncilDeclaration current, ResultsBook book, DateTimeOffset? receivedAt = null, DateTimeOffset? previousAt = null)
    {
        previous = WithCouncilBefore(previous, book);
        current = WithCouncilBefore(current, book);

        // The council's type or PA id are not in the post; a revision changing only those is no correction.
        if (previous.SameResultAs(current with { Council = previous.Council with { Proportion = current.Council.Proportion } }))
        {
            return null;
        }

        return Finish(
            new Post(
                PostKind.Correction,
                current.Key,
                "Correction: " + Headlines.For(current),
                [PostSection.Plain(CorrectionSummary(previous, current, previousAt ?? previous.DeclaredAt)), .. Sections(current), PostSection.Plain(Progress(book))]),
            current,
            receivedAt);
    }

    /// <summary>The result without the night's progress line, as plain lines: what /council answers.</summary>
    public IReadOnlyList<string> Body(CouncilDeclaration declaration) => [.. Sections(declaration).Select(s => s.ToPlainText())];

    /// <summary>The result itself: the call if its figures do not bear it out, what was up, seats won with changes, the council now against before, the majority.</summary>
    public IReadOnlyList<PostSection> Sections(CouncilDeclaration declaration)
    {
        var sections = new List<PostSection>();
        if (!declaration.CallAgreesWithFigures)
        {
            sections.Add(PostSection.Plain(Unconfirmed(declaration)));
        }

        sections.Add(PostSection.Plain(SeatsUp(declaration)));
        if (declaration.SeatsWon is { } won)
        {
            sections.Add(new PostSection("Seats won", SeatLines.Format(won, declaration.Changes, declaration.ChangesPartial, culture)));
        }

        // Where the whole council was up and its make-up before is unknown, "council now" would only repeat the seats won.
        if (!declaration.WholeCouncilUp || declaration.CouncilBefore is not null)
        {
            sections.Add(new PostSection("Council now", SeatLines.FormatAgainst(declaration.NewCouncil, declaration.CouncilBefore, culture)));
        }

        if (ChangeNote(declaration) is { } note)
        {
            sections.Add(PostSection.Plain(note));
        }

        sections.Add(PostSection.Plain(Majority(declaration)));
        return sections;
    }

    /// <summary>"PA Media calls Conservatives hold; the figures show no party with a majority — awaiting confirmation."</summary>
    private string Unconfirmed(CouncilDeclaration d)
    {
        var figures = d.ControlByFigures.IsNoOverallControl
            ? "no party with a majority"
            : $"a {PartyNames.AdjectiveOf(d.ControlByFigures)} majority";
        return $"{sourceName} calls {CouncilCall.Phrase(d)}; the figures show {figures} — awaiting confirmation.";
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
        return post with { Colour = PartyColours.Of(declaration.Controller), Footer = sourceName + time, Topic = TopicOf(declaration) };
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

    /// <summary>What was up, trusting the feed's proportion: a third with no seats won given is not "the whole council".</summary>
    private string SeatsUp(CouncilDeclaration d)
    {
        var total = Numbers.Count(d.TotalSeats, culture);
        var boundaries = d.BoundaryChange ? " on new boundaries" : "";
        if (d.WholeCouncilUp)
        {
            return $"Whole council up{boundaries}: {Numbers.Seats(d.TotalSeats, culture)}";
        }

        var part = d.Council.Proportion == Councils.Proportion.Half ? "Half the council up" : "A third of the council up";
        return d.SeatsUp is { } up
            ? $"{part}: {Numbers.Count(up, culture)} of {total} seats"
            : $"{part}; seats won not given";
    }

    private static string? ChangeNote(CouncilDeclaration d)
    {
        if (d.SeatsWon is null)
        {
            return null;
        }

        var basis = d.ChangeBasis == ChangeBasis.Notional || d.BoundaryChange
            ? "against notional results on the new boundaries"
            : "since these seats were last fought";
        var partial = d.ChangesPartial ? " Changes are given for some parties only." : "";
        return d.Changes switch
        {
            null when d.BoundaryChange => "New boundaries: no like-for-like seat changes given.",
            null => "No seat changes given.",
            { Count: 0 } => $"No seats changed hands {basis}.",
            _ => $"Changes are in seats won {basis}.{partial}",
        };
    }

    /// <summary>From the figures, never the call: a majority is the winner's seats less everyone else's, so it cannot be negative.</summary>
    private string Majority(CouncilDeclaration d)
    {
        var needed = d.SeatsForMajority;
        var controller = d.ControlByFigures;
        if (!controller.IsNoOverallControl)
        {
            var seats = d.SeatsOf(controller);
            return $"{PartyNames.AdjectiveOf(controller)} majority of {Numbers.Count(seats - (d.TotalSeats - seats), culture)}";
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

    /// <summary>"Our 01:23 post said Conservatives hold; they lose control (no overall control). Con 25 of 57, 4 short."</summary>
    private string CorrectionSummary(CouncilDeclaration previous, CouncilDeclaration current, DateTimeOffset? previousAt)
    {
        // The headline already says "Correction:" and names the council: the line starts with what we said.
        var lead = previousAt is { } at ? $"Our {UkTime.Clock(at, culture)} post" : "Our earlier post";
        var before = Said(previous);
        var now = current.CallAgreesWithFigures
            ? CouncilCall.PhraseAfter(previous, current)
            : Unconfirmed(current).TrimEnd('.');
        if (previous.Outcome == current.Outcome && previous.Winner == current.Winner && previous.Sitting == current.Sitting
            && previous.CallAgreesWithFigures == current.CallAgreesWithFigures)
        {
            var seats = SeatDifferences(previous, current).ToList();
            var what = seats.Count > 0 ? string.Join(", ", seats) : WhatElseChanged(previous, current);
            return $"{lead} gave the wrong figures: {what}. The call is unchanged: {Headlines.For(current)}.";
        }

        var confirmed = !previous.CallAgreesWithFigures && current.CallAgreesWithFigures ? " The figures are now confirmed." : "";
        return $"{lead} said {before}; {now}. {Standing(current)}.{confirmed}";
    }

    private string Said(CouncilDeclaration d) => d.CallAgreesWithFigures
        ? CouncilCall.Phrase(d)
        : $"{sourceName} called {CouncilCall.Phrase(d)}, which its figures did not bear out";

    /// <summary>"Con 25 of 57, 4 short" or "Lab 30 of 57, a majority of 3": the figure behind the call.</summary>
    private string Standing(CouncilDeclaration d)
    {
        var total = Numbers.Count(d.TotalSeats, culture);
        if (!d.ControlByFigures.IsNoOverallControl)
        {
            var seats = d.SeatsOf(d.ControlByFigures);
            return $"{PartyNames.ShortOf(d.ControlByFigures)} {Numbers.Count(seats, culture)} of {total}, a majority of {Numbers.Count(seats - (d.TotalSeats - seats), culture)}";
        }

        var top = d.NewCouncil.OrderByDescending(p => p.Seats).FirstOrDefault();
        return $"{PartyNames.ShortOf(top.Party)} {Numbers.Count(top.Seats, culture)} of {total}, {Numbers.Count(d.SeatsForMajority - top.Seats, culture)} short";
    }

    /// <summary>"Lab 24 (not 25)": each party whose seats on the council, or seats won, were wrong.</summary>
    private IEnumerable<string> SeatDifferences(CouncilDeclaration previous, CouncilDeclaration current)
    {
        foreach (var text in SeatDifferences(previous.NewCouncil, current.NewCouncil, ""))
        {
            yield return text;
        }

        if (previous.SeatsWon is { } wasWon && current.SeatsWon is { } nowWon && !current.WholeCouncilUp)
        {
            foreach (var text in SeatDifferences(wasWon, nowWon, " won"))
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
                yield return $"{PartyNames.ShortOf(party)}{what} {Numbers.Count(now, culture)} (not {Numbers.Count(was, culture)})";
            }
        }
    }

    private string WhatElseChanged(CouncilDeclaration previous, CouncilDeclaration current)
    {
        if (SeatsUp(previous) != SeatsUp(current))
        {
            return SeatsUp(current).ToLowerInvariant()[0] + SeatsUp(current)[1..];
        }

        var changes = (current.Changes ?? []).Select(c => c.Party).Concat((previous.Changes ?? []).Select(c => c.Party)).Distinct()
            .Where(p => previous.ChangeOf(p) != current.ChangeOf(p))
            .Select(p => $"{PartyNames.ShortOf(p)} {Signed(current.ChangeOf(p))} (not {Signed(previous.ChangeOf(p))})")
            .ToList();
        return changes.Count > 0 ? "seat changes " + string.Join(", ", changes) : "the council's details";
    }

    private string Signed(int? change) => change is { } c ? Numbers.Signed(c, culture) : "not given";
}
