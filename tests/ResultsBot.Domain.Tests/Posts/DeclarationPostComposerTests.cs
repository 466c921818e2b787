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
            Seats won: Labour 30 (+14), Conservatives 17 (-12), Independents 2 (-2)
            Changes are in seats won since these seats were last fought.
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
            Changes are in seats won since these seats were last fought.
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
            Changes are in seats won since these seats were last fought.
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
            Seats won: Labour 26, Independents 14, Conservatives 10, Others 6, Liberal Democrats 4
            New boundaries: no like-for-like seat changes given.
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

        Assert.Equal("Changes are in seats won against notional results on the new boundaries.", post.Lines[2]);
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
            Seats won: Labour 50, Conservatives 10
            No seats changed hands since these seats were last fought.
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
    public void Compose_CouncilBeforeThePoll_ShowsTheCouncilNowWithWhatItWas()
    {
        var hull = Declaration.Of("Kingston upon Hull").ByThirds()
            .Control("LD", "LD")
            .Elected(("Lab", 10), ("LD", 9))
            .Changes(("Lab", 1), ("LD", -1))
            .NewCouncil(("LD", 31), ("Lab", 26))
            .Before(("LD", 30), ("Lab", 25), ("C", 2))
            .Build();

        var post = _composer.Compose(hull, Books.With(hull));

        Assert.Equal(
            """
            Liberal Democrats hold Kingston upon Hull
            A third of the council up: 19 of 57 seats
            Seats won: Labour 10 (+1), Liberal Democrats 9 (-1)
            Council now: Liberal Democrats 31 (was 30), Labour 26 (was 25), Conservatives 0 (was 2)
            Changes are in seats won since these seats were last fought.
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
        Assert.Equal("Seats won: Conservatives 20, Labour 20, Liberal Democrats 5", post.Lines[1]);
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

        Assert.Equal("Seats won: Conservatives 10, Greens 10, Labour 10, Independents 2", post.Lines[1]);
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
            Our earlier post gave the wrong figures: Lab 24 (not 25), Con 21 (not 20). The call is unchanged: Labour hold Bury.
            Whole council up: 45 seats
            Seats won: Labour 24, Conservatives 21
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
        Assert.Equal("Our earlier post said Labour hold; Conservatives gain from Labour. Con 23 of 45, a majority of 1.", post.Lines[0]);
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
            "Our earlier post gave the wrong figures: LD 32 (not 31), Lab 25 (not 26), Lab won 9 (not 10), LD won 10 (not 9). "
            + "The call is unchanged: Liberal Democrats hold Hull.",
            post.Lines[0]);
    }

    [Fact]
    public void ComposeCorrection_OnlyChangesRevised_SaysTheChangesWereRevised()
    {
        var previous = Declaration.Of("Bury").Control("Lab", "Lab").NewCouncil(("Lab", 31), ("C", 20)).Changes(("Lab", 2), ("C", -2)).Build();
        var current = Declaration.Of("Bury").Revision(2).Control("Lab", "Lab").NewCouncil(("Lab", 31), ("C", 20)).Changes(("Lab", 3), ("C", -3)).Build();

        var post = _composer.ComposeCorrection(previous, current, Books.With(previous, current));

        Assert.NotNull(post);
        Assert.Equal("Our earlier post gave the wrong figures: seat changes Lab +3 (not +2), Con -3 (not -2). The call is unchanged: Labour hold Bury.", post.Lines[0]);
        Assert.Equal("Seats won: Labour 31 (+3), Conservatives 20 (-3)", post.Lines[2]);
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

    [Fact]
    public void Compose_CallTheFiguresContradict_SaysWhatWasCalledAndWhatTheFiguresShowAndNoNegativeMajority()
    {
        var swindon = Declaration.Of("Swindon").ByThirds()
            .Control("C", "C")
            .Elected(("Lab", 12), ("C", 7), ("LD", 1))
            .NewCouncil(("C", 19), ("Lab", 19), ("LD", 9))
            .Build();

        var post = _composer.Compose(swindon, Books.With(swindon));

        Assert.Equal(
            """
            Swindon: result awaiting confirmation
            PA Media calls Conservatives hold; the figures show no party with a majority — awaiting confirmation.
            A third of the council up: 20 of 47 seats
            Seats won: Labour 12, Conservatives 7, Liberal Democrats 1
            Council now: Conservatives 19, Labour 19, Liberal Democrats 9
            No seat changes given.
            Largest parties: Conservatives and Labour, 19 seats each, 5 short of a majority
            1 declared
            """,
            post.ToPlainText());
        Assert.Equal("#808080", post.Colour);
    }

    [Fact]
    public void Compose_NoOverallControlCalledButAPartyHasAMajority_SaysTheFiguresShowTheMajority()
    {
        var wigan = Declaration.Of("Wigan").Control("NOC", "Lab").NewCouncil(("Lab", 40), ("C", 10), ("Ind", 25)).Build();

        var post = _composer.Compose(wigan, Books.With(wigan));

        Assert.Equal("Wigan: result awaiting confirmation", post.Headline);
        Assert.Equal("PA Media calls Labour lose control (no overall control); the figures show a Labour majority — awaiting confirmation.", post.Lines[0]);
        Assert.Equal("Labour majority of 5", post.Lines[^2]);
    }

    [Fact]
    public void ComposeCorrection_NextRevisionAgreesWithTheFigures_SaysWhenTheWrongPostWentOutAndWhatIsRight()
    {
        var first = Declaration.Of("Swindon").ByThirds().Control("C", "C")
            .Elected(("Lab", 12), ("C", 7), ("LD", 1)).NewCouncil(("C", 25), ("Lab", 24), ("LD", 8)).Build();
        var second = Declaration.Of("Swindon").ByThirds().Revision(2).Control("NOC", "C")
            .Elected(("Lab", 12), ("C", 7), ("LD", 1)).NewCouncil(("C", 25), ("Lab", 24), ("LD", 8)).Build();
        var postedAt = new DateTimeOffset(2026, 5, 8, 0, 23, 0, TimeSpan.Zero);

        var post = _composer.ComposeCorrection(first, second, Books.With(first, second), previousAt: postedAt);

        Assert.NotNull(post);
        Assert.Equal("Correction: Conservatives lose Swindon to no overall control", post.Headline);
        Assert.Equal(
            "Our 01:23 post said PA Media called Conservatives hold, which its figures did not bear out; "
            + "they lose control (no overall control). Con 25 of 57, 4 short. The figures are now confirmed.",
            post.Lines[0]);
    }

    [Fact]
    public void ComposeCorrection_ControlLost_SaysTheySoTheReaderKnowsWhichParty()
    {
        var first = Declaration.Of("Swindon").Control("C", "C").NewCouncil(("C", 29), ("Lab", 28)).Build();
        var second = Declaration.Of("Swindon").Revision(2).Control("NOC", "C").NewCouncil(("C", 25), ("Lab", 24), ("LD", 8)).Build();

        var post = _composer.ComposeCorrection(first, second, Books.With(first, second), previousAt: new DateTimeOffset(2026, 5, 8, 0, 23, 0, TimeSpan.Zero));

        Assert.Equal("Our 01:23 post said Conservatives hold; they lose control (no overall control). Con 25 of 57, 4 short.", post!.Lines[0]);
    }

    [Fact]
    public void Compose_ThirdWithNoSeatsWonGiven_SaysSoInsteadOfTheWholeCouncil()
    {
        var wigan = Declaration.Of("Wigan").ByThirds().Control("Lab", "Lab").NewCouncil(("Lab", 60), ("Ind", 10), ("C", 5)).Build();

        var post = _composer.Compose(wigan, Books.With(wigan));

        Assert.Equal(
            """
            Labour hold Wigan
            A third of the council up; seats won not given
            Council now: Labour 60, Independents 10, Conservatives 5
            Labour majority of 45
            1 declared
            """,
            post.ToPlainText());
    }

    [Fact]
    public void Compose_PartialChanges_PrintsOnlyTheKnownOnesAndSaysSo()
    {
        var basildon = Declaration.Of("Basildon").OnNewBoundaries().Control("NOC", "C")
            .NewCouncil(("Lab", 18), ("C", 13), ("Ind", 11)).Changes(("C", -12)).PartialChanges()
            .Before(("C", 26), ("Lab", 9), ("Ind", 7)).Build();

        var post = _composer.Compose(basildon, Books.With(basildon));

        Assert.Equal(
            """
            Conservatives lose Basildon to no overall control
            Whole council up on new boundaries: 42 seats
            Seats won: Labour 18, Conservatives 13 (-12), Independents 11
            Council now: Labour 18 (was 9), Conservatives 13 (was 26), Independents 11 (was 7)
            Changes are in seats won against notional results on the new boundaries. Changes are given for some parties only.
            Largest party: Labour, 4 short of a majority (22 needed)
            Conservatives' first loss of the night.
            1 declared
            """,
            post.ToPlainText());
    }

    [Fact]
    public void Compose_NominationsGiveSeatsHeld_ShowsTheCouncilNowAgainstThem()
    {
        var council = new Domain.Councils.Council("Bolton", "4735", "Metro", Domain.Councils.Proportion.Third);
        var nominations = new Messages.CouncilNominations(1, council, null,
        [
            new(new Domain.Parties.PartyCode("Lab"), "Labour", 25, 7, 0, 0),
            new(new Domain.Parties.PartyCode("C"), "Conservative", 15, 7, 0, 0),
            new(new Domain.Parties.PartyCode("Green"), "Green Party", 1, 0, 0, 0),
            new(new Domain.Parties.PartyCode("Ind"), "Independent/Other", 19, 6, 0, 0),
        ]);
        var bolton = Declaration.Of("Bolton").ByThirds().Control("NOC", "NOC")
            .Elected(("Lab", 7), ("C", 2)).NewCouncil(("Lab", 25), ("Ind", 23), ("C", 10), ("Green", 2)).Build();

        var post = _composer.Compose(bolton, Books.With(nominations, bolton));

        Assert.Contains("Council now: Labour 25 (was 25), Independents 23 (was 19), Conservatives 10 (was 15), Greens 2 (was 1)", post.Lines);
    }
}
