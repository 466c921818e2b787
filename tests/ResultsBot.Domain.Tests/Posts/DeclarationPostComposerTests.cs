using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Posts;

public class DeclarationPostComposerTests
{
    private readonly DeclarationPostComposer _composer = new(Culture.EnGb);

    [Fact]
    public void Compose_AllOutCouncilWithChanges_ListsNewCouncilWithChanges()
    {
        var thurrock = Declaration.Of("Thurrock")
            .Control("Lab", "C")
            .NewCouncil(("Lab", 30), ("C", 17), ("Ind", 2))
            .Changes(("Lab", 14), ("C", -12), ("Ind", -2))
            .Build();

        var post = _composer.Compose(thurrock, Books.With(thurrock));

        Assert.Equal(PostKind.Declaration, post.Kind);
        Assert.Equal("council/thurrock", post.Subject);
        Assert.Equal(
            """
            Labour gain Thurrock from Conservatives
            Whole council up: 49 seats
            New council: Labour 30 (+14), Conservatives 17 (-12), Independents 2 (-2)
            Labour majority of 11
            Labour's first gain of the night; Conservatives' first loss.
            1 declared
            """,
            post.ToPlainText());
    }

    [Fact]
    public void Compose_CouncilByThirds_ShowsSeatsWonWithChangesAndCouncilNow()
    {
        var hull = Declaration.Of("Kingston upon Hull").ByThirds()
            .Control("LD", "LD")
            .Elected(("Lab", 10), ("LD", 9))
            .Changes(("Lab", 1), ("LD", -1))
            .NewCouncil(("LD", 31), ("Lab", 26))
            .Build();

        var post = _composer.Compose(hull, Books.With(hull));

        Assert.Equal(
            """
            Liberal Democrats hold Kingston upon Hull
            A third of the council up: 19 of 57 seats
            Seats won: Labour 10 (+1), Liberal Democrats 9 (-1)
            Council now: Liberal Democrats 31, Labour 26
            Liberal Democrat majority of 5
            1 declared
            """,
            post.ToPlainText());
    }

    [Fact]
    public void Compose_CouncilByHalves_SaysHalfTheCouncilWasUp()
    {
        var adur = Declaration.Of("Adur").ByHalves()
            .Control("Lab", "C")
            .Elected(("Lab", 10), ("C", 3), ("Grn", 1))
            .Changes(("Lab", 4), ("C", -4))
            .NewCouncil(("Lab", 15), ("C", 11), ("Grn", 2), ("Ind", 1))
            .Build();

        var post = _composer.Compose(adur, Books.With(adur));

        Assert.Equal(
            """
            Labour gain Adur from Conservatives
            Half the council up: 14 of 29 seats
            Seats won: Labour 10 (+4), Conservatives 3 (-4), Greens 1 (±0)
            Council now: Labour 15, Conservatives 11, Greens 2, Independents 1
            Labour majority of 1
            Labour's first gain of the night; Conservatives' first loss.
            1 declared
            """,
            post.ToPlainText());
    }

    [Fact]
    public void Compose_ThirdsCouncilWhoseSeatsWereAllUp_SaysWholeCouncil()
    {
        var declaration = Declaration.Of("Sunderland").ByThirds()
            .Control("Lab", "Lab")
            .Elected(("Lab", 50), ("C", 25))
            .NewCouncil(("Lab", 50), ("C", 25))
            .Build();

        var post = _composer.Compose(declaration, Books.With(declaration));

        Assert.Equal("Whole council up: 75 seats", post.Lines[0]);
    }

    [Fact]
    public void Compose_NewBoundariesAndNoChanges_SaysChangesCannotBeCompared()
    {
        var bolton = Declaration.Of("Bolton")
            .Control("NOC", "NOC")
            .OnNewBoundaries()
            .NewCouncil(("Lab", 26), ("Ind", 14), ("C", 10), ("Oth", 6), ("LD", 4))
            .Build();

        var post = _composer.Compose(bolton, Books.With(bolton));

        Assert.Equal(
            """
            Bolton stays under no overall control
            Whole council up on new boundaries: 60 seats
            New council: Labour 26, Independents 14, Conservatives 10, Others 6, Liberal Democrats 4
            New boundaries: no like-for-like seat changes.
            Largest party: Labour, 5 short of a majority (31 needed)
            1 declared
            """,
            post.ToPlainText());
    }

    [Fact]
    public void Compose_NewBoundariesWithChanges_SaysChangesAreNotional()
    {
        var declaration = Declaration.Of("Bolton")
            .Control("NOC", "NOC")
            .OnNewBoundaries()
            .NewCouncil(("Lab", 26), ("C", 24), ("LD", 10))
            .Changes(("Lab", 3), ("C", -3))
            .Build();

        var post = _composer.Compose(declaration, Books.With(declaration));

        Assert.Equal("Changes are against notional results on the new boundaries.", post.Lines[2]);
    }

    [Fact]
    public void Compose_EmptyChanges_SaysNoSeatsChangedHands()
    {
        var sunderland = Declaration.Of("Sunderland")
            .Control("Lab", "Lab")
            .NewCouncil(("Lab", 50), ("C", 10))
            .Changes()
            .Build();

        var post = _composer.Compose(sunderland, Books.With(sunderland));

        Assert.Equal(
            """
            Labour hold Sunderland
            Whole council up: 60 seats
            New council: Labour 50, Conservatives 10
            No seats changed hands.
            Labour majority of 40
            1 declared
            """,
            post.ToPlainText());
    }

    [Fact]
    public void Compose_NoChangesGivenOnOldBoundaries_SaysSo()
    {
        var declaration = Declaration.Of("Sunderland").Control("Lab", "Lab").NewCouncil(("Lab", 50), ("C", 10)).Build();

        var post = _composer.Compose(declaration, Books.With(declaration));

        Assert.Equal("No seat changes given.", post.Lines[2]);
    }

    [Fact]
    public void Compose_ChangesAgainstCouncilBeforePoll_PutsThemOnCouncilNowWithANote()
    {
        var hull = Declaration.Of("Kingston upon Hull").ByThirds()
            .Control("LD", "LD")
            .Elected(("Lab", 10), ("LD", 9))
            .Changes(("Lab", 1), ("LD", -1))
            .AgainstCouncilBeforePoll()
            .NewCouncil(("LD", 31), ("Lab", 26))
            .Build();

        var post = _composer.Compose(hull, Books.With(hull));

        Assert.Equal(
            """
            Liberal Democrats hold Kingston upon Hull
            A third of the council up: 19 of 57 seats
            Seats won: Labour 10, Liberal Democrats 9
            Council now: Liberal Democrats 31 (-1), Labour 26 (+1)
            Changes are against the council before the poll.
            Liberal Democrat majority of 5
            1 declared
            """,
            post.ToPlainText());
    }

    [Fact]
    public void Compose_ConservativeMajority_UsesTheAdjective()
    {
        var basildon = Declaration.Of("Basildon")
            .Control("C", "C")
            .NewCouncil(("C", 24), ("Lab", 15), ("LD", 5))
            .Build();

        var post = _composer.Compose(basildon, Books.With(basildon));

        Assert.Equal("Conservative majority of 4", post.Lines[^2]);
    }

    [Fact]
    public void Compose_NoOverallControlWithTiedLargestParties_NamesBoth()
    {
        var declaration = Declaration.Of("Peterborough")
            .Control("NOC", "C")
            .NewCouncil(("Lab", 20), ("C", 20), ("LD", 5))
            .Build();

        var post = _composer.Compose(declaration, Books.With(declaration));

        Assert.Equal("Conservatives lose Peterborough to no overall control", post.Headline);
        Assert.Equal("New council: Conservatives 20, Labour 20, Liberal Democrats 5", post.Lines[1]);
        Assert.Equal("Largest parties: Conservatives and Labour, 20 seats each, 3 short of a majority", post.Lines[^3]);
        Assert.Equal("Conservatives' first loss of the night.", post.Lines[^2]);
    }

    [Fact]
    public void Compose_ThreeLargestPartiesTied_ListsThemAsInTheSeatLine()
    {
        var declaration = Declaration.Of("Hastings")
            .Control("NOC", "Lab")
            .NewCouncil(("Lab", 10), ("Grn", 10), ("C", 10), ("Ind", 2))
            .Build();

        var post = _composer.Compose(declaration, Books.With(declaration));

        Assert.Equal("New council: Conservatives 10, Greens 10, Labour 10, Independents 2", post.Lines[1]);
        Assert.Equal("Largest parties: Conservatives, Greens and Labour, 10 seats each, 7 short of a majority", post.Lines[^3]);
    }

    [Fact]
    public void Compose_BookExpectsCouncils_ProgressSaysHowManyOfThem()
    {
        var names = Enumerable.Range(1, 107).Select(i => $"Council {i}").ToList();
        var declared = names.Take(36).Select(n => Declaration.Of(n).Control("Lab", "Lab").NewCouncil(("Lab", 1)).Build()).ToArray();
        var book = Books.With(declared).ExpectCouncils(names);

        var post = _composer.Compose(declared[^1], book);

        Assert.Equal("36 of 107 declared", post.Lines[^1]);
    }

    [Fact]
    public void Compose_NothingSaysHowManyCouncils_ProgressCountsDeclaredOnly()
    {
        var declared = new[] { "Adur", "Bolton", "Bury" }
            .Select(n => Declaration.Of(n).Control("Lab", "Lab").NewCouncil(("Lab", 1)).Build())
            .ToArray();

        var post = _composer.Compose(declared[^1], Books.With(declared));

        Assert.Equal("3 declared", post.Lines[^1]);
    }

    [Fact]
    public void ComposeCorrection_RevisionRepeatsTheResult_ReturnsNull()
    {
        var first = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31), ("C", 20)).Changes(("Lab", 2), ("C", -2));
        var previous = first.Build();
        var current = first.Revision(2).Build();

        Assert.Null(_composer.ComposeCorrection(previous, current, Books.With(previous, current)));
    }

    [Fact]
    public void ComposeCorrection_RevisionOnlyListsAPartyWithNoSeats_ReturnsNull()
    {
        var previous = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31), ("C", 20)).Build();
        var current = Declaration.Of("Bury").Revision(2).Control("Lab", "Lab").NewCouncil(("Lab", 31), ("C", 20), ("Grn", 0)).Build();

        Assert.Null(_composer.ComposeCorrection(previous, current, Books.With(previous, current)));
    }

    [Fact]
    public void ComposeCorrection_SeatsChanged_ListsWhatChangedThenTheResult()
    {
        var previous = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 25), ("C", 20)).Build();
        var current = Declaration.Of("Bury").Revision(2).Control("Lab", "Lab").NewCouncil(("Lab", 24), ("C", 21)).Build();

        var post = _composer.ComposeCorrection(previous, current, Books.With(previous, current));

        Assert.NotNull(post);
        Assert.Equal(PostKind.Correction, post.Kind);
        Assert.Equal("council/bury", post.Subject);
        Assert.Equal(
            """
            Correction: Labour hold Bury
            Revision 2 corrects the earlier result: Labour 24 seats (was 25); Conservatives 21 seats (was 20).
            Whole council up: 45 seats
            New council: Labour 24, Conservatives 21
            No seat changes given.
            Labour majority of 3
            1 declared
            """,
            post.ToPlainText());
    }

    [Fact]
    public void ComposeCorrection_ControlChanged_SaysTheNewHeadline()
    {
        var previous = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 23), ("C", 22)).Build();
        var current = Declaration.Of("Bury").Revision(2).Control("C", "Lab").NewCouncil(("C", 23), ("Lab", 22)).Build();

        var post = _composer.ComposeCorrection(previous, current, Books.With(previous, current));

        Assert.NotNull(post);
        Assert.Equal("Correction: Conservatives gain Bury from Labour", post.Headline);
        Assert.Equal(
            "Revision 2 corrects the earlier result: now \"Conservatives gain Bury from Labour\", not \"Labour hold Bury\"; "
            + "Labour 22 seats (was 23); Conservatives 23 seats (was 22).",
            post.Lines[0]);
    }

    [Fact]
    public void ComposeCorrection_SeatsWonChanged_SaysWhoWonHowMany()
    {
        var previous = Declaration.Of("Hull").ByThirds().Control("LD", "LD")
            .Elected(("Lab", 10), ("LD", 9)).NewCouncil(("LD", 31), ("Lab", 26)).Build();
        var current = Declaration.Of("Hull").ByThirds().Revision(3).Control("LD", "LD")
            .Elected(("Lab", 9), ("LD", 10)).NewCouncil(("LD", 32), ("Lab", 25)).Build();

        var post = _composer.ComposeCorrection(previous, current, Books.With(previous, current));

        Assert.NotNull(post);
        Assert.Equal(
            "Revision 3 corrects the earlier result: Liberal Democrats 32 seats (was 31); Labour 25 seats (was 26); "
            + "Labour won 9 (was 10); Liberal Democrats won 10 (was 9).",
            post.Lines[0]);
    }

    [Fact]
    public void ComposeCorrection_OnlyChangesRevised_SaysTheChangesWereRevised()
    {
        var previous = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31), ("C", 20)).Changes(("Lab", 2), ("C", -2)).Build();
        var current = Declaration.Of("Bury").Revision(2).Control("Lab", "Lab").NewCouncil(("Lab", 31), ("C", 20)).Changes(("Lab", 3), ("C", -3)).Build();

        var post = _composer.ComposeCorrection(previous, current, Books.With(previous, current));

        Assert.NotNull(post);
        Assert.Equal("Revision 2 revises the seat changes.", post.Lines[0]);
        Assert.Equal("New council: Labour 31 (+3), Conservatives 20 (-3)", post.Lines[2]);
    }

    [Fact]
    public void Compose_Declaration_HasWinnersColourAndFooterWithSourceAndUkTime()
    {
        var thurrock = Declaration.Of("Thurrock").Control("Reform", "Lab").NewCouncil(("Reform", 30), ("Lab", 19)).Build();
        var composer = new DeclarationPostComposer(Culture.EnGb, "PA Media");

        var post = composer.Compose(thurrock, Books.With(thurrock), new DateTimeOffset(2026, 5, 8, 3, 12, 0, TimeSpan.Zero));

        Assert.Equal("#12B6CF", post.Colour);
        Assert.Equal("PA Media · 8 May 2026, 04:12 UK time", post.Footer);
    }

    [Fact]
    public void Compose_NoOverallControl_IsGrey()
    {
        var bolton = Declaration.Of("Bolton").Control("NOC", "NOC").NewCouncil(("Lab", 25), ("C", 20), ("Ind", 15)).Build();

        Assert.Equal("#808080", _composer.Compose(bolton, Books.With(bolton)).Colour);
    }

    [Fact]
    public void Compose_SeatTables_AreLabelledSectionsForPlatformFields()
    {
        var bury = Declaration.Of("Bury").ByThirds().Control("Lab", "Lab")
            .Elected(("Lab", 12), ("C", 5)).NewCouncil(("Lab", 31), ("C", 20)).Changes(("Lab", 1), ("C", -1)).Build();

        var post = _composer.Compose(bury, Books.With(bury));

        Assert.Equal(
            [new PostSection("Seats won", "Labour 12 (+1), Conservatives 5 (-1)"), new PostSection("Council now", "Labour 31, Conservatives 20")],
            post.Sections.Where(s => s.Label is not null));
    }

    [Fact]
    public void Compose_NominationsShowUncontestedSeats_SaysSo()
    {
        var council = new Domain.Councils.Council("Knowsley", null, "Metro", Domain.Councils.Proportion.Third);
        var nominations = new Messages.CouncilNominations(1, council, null, [new(new Domain.Parties.PartyCode("Lab"), "Labour", 40, 15, 2, 13)]);
        var knowsley = Declaration.Of("Knowsley").ByThirds().Control("Lab", "Lab").Elected(("Lab", 15)).NewCouncil(("Lab", 45)).Build();

        var post = _composer.Compose(knowsley, Books.With(nominations, knowsley));

        Assert.Contains("2 seats were uncontested.", post.Lines);
    }
}
