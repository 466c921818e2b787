using ResultsBot.Domain.Contests;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Contests;

public sealed class CandidatePostComposerTests
{
    /// <summary>00:23 UTC on 7 May 2026 is 01:23 in the UK (BST).</summary>
    private static readonly DateTimeOffset CallReceived = new(2026, 5, 7, 0, 23, 0, TimeSpan.Zero);

    private readonly CandidatePostComposer _composer = new(Culture.EnGb, "PA Media");

    [Fact]
    public void Result_GreenGain_LeadsWithThePersonThenTurnoutAndOneCandidateTable()
    {
        var post = _composer.Result(Candidates.GreenGain(), call: null);

        Assert.Equal(PostKind.Declaration, post.Kind);
        Assert.Equal("mayor/hackney", post.Subject);
        Assert.Equal("Hackney mayor: Jim Harvey (Green) gains from Labour, beating John Cooper by 36,904 votes", post.Headline);
        Assert.Equal(
            [
                "Turnout 76.3% (138,910 of an electorate of 182,136), +4.5 pts on last time.",
                "Votes: Jim Harvey (Green) 62,806 (45.2%)\nJohn Cooper (Labour) 25,902 (18.7%, -30.1 pts)\nIan Hutton (Independent) 2,089 (1.5%)",
            ],
            post.Lines);
        Assert.Equal("mayor", post.Topic?.ElectionType);
        Assert.Equal("hackney", post.Topic?.CouncilKey);
        Assert.True(post.Topic?.ControlChanged);
        Assert.Equal("PA Media · 7 May 2026, 02:30 UK time", post.Footer);
    }

    [Fact]
    public void Result_CallTheFiguresContradict_IsPostedAsWhatItIsWithNoMajority()
    {
        // PA marks Cooper elected and calls Labour hold (majority -36,904), but Harvey has the most votes.
        var contradicted = Candidates.GreenGain() with
        {
            Candidates = [Candidates.Harvey with { Elected = false }, Candidates.Cooper with { Elected = true }, Candidates.Hutton],
            WinningParty = new PartyCode("Lab"),
            Gain = false,
            Majority = -36904,
        };

        var post = _composer.Result(contradicted, call: null);

        Assert.Equal("Hackney mayor: PA calls Labour hold; the figures show Greens ahead — awaiting confirmation", post.Headline);
        Assert.Equal(
            [
                "Turnout 76.3% (138,910 of an electorate of 182,136), +4.5 pts on last time.",
                "Votes: Jim Harvey (Green) 62,806 (45.2%)\nJohn Cooper (Labour) 25,902 (18.7%, -30.1 pts)\nIan Hutton (Independent) 2,089 (1.5%)",
            ],
            post.Lines);
        Assert.DoesNotContain("36,904", post.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Result_AfterTheSameCall_IsMarkedAsTheFullResult()
    {
        var post = _composer.Result(Candidates.GreenGain(), Candidates.Rush(1, "Green", "Lab", gain: true), callAt: CallReceived);

        Assert.Equal(PostKind.Declaration, post.Kind);
        Assert.Equal("Full result — Hackney mayor: Jim Harvey (Green) gains from Labour, beating John Cooper by 36,904 votes", post.Headline);
    }

    [Fact]
    public void Result_AfterACallItContradicts_IsACorrectionSayingWhatTheCallSaidAndWhen()
    {
        var post = _composer.Result(Candidates.GreenGain(), Candidates.Rush(1, "Lab", "Lab", gain: false), callAt: CallReceived);

        Assert.Equal(PostKind.Correction, post.Kind);
        Assert.Equal("Correction — Hackney mayor: our 01:23 post said Labour hold; Greens gain from Labour", post.Headline);
        Assert.Equal("Jim Harvey (Green) 45.2%, John Cooper (Labour) 18.7%.", post.Lines[0]);
    }

    [Fact]
    public void Call_RushWithItsWinner_LeadsWithThePersonAndPromisesTheFullResult()
    {
        var rush = Candidates.Rush(1, "Lab", "Lab", gain: false) with { Winner = Candidates.Cooper };

        var post = _composer.Call(rush);

        Assert.Equal("Hackney mayor: John Cooper (Labour) holds for Labour", post.Headline);
        Assert.Equal(["Full result to follow."], post.Lines);
    }

    [Fact]
    public void Call_RushWithNoPreviousHolder_SaysWhoWonInPlainWords()
    {
        var post = _composer.Call(Candidates.Rush(1, "Lab", sitting: null, gain: false));

        Assert.Equal("Hackney mayor: Labour win", post.Headline);
        Assert.DoesNotContain("feed", post.ToPlainText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CallCorrection_ChangedCall_SaysWhatOurPostSaidAndWhen()
    {
        var post = _composer.CallCorrection(Candidates.Rush(1, "Lab", "Lab", gain: false), Candidates.Rush(2, "Green", "Lab", gain: true), previousAt: CallReceived);

        Assert.NotNull(post);
        Assert.Equal(PostKind.Correction, post.Kind);
        Assert.Equal("Correction — Hackney mayor: our 01:23 post said Labour hold; Greens gain from Labour", post.Headline);
        Assert.Equal(["Full result to follow."], post.Lines);
    }

    [Fact]
    public void CallCorrection_SamePartyAnotherPerson_NamesBoth()
    {
        var ann = new Candidate("Ann", "Lee", new PartyCode("Lab"), "Labour", Elected: true);
        var before = Candidates.Rush(1, "Lab", "Lab", gain: false) with { Winner = Candidates.Cooper };

        var post = _composer.CallCorrection(before, before with { Revision = 2, Winner = ann }, previousAt: CallReceived);

        Assert.Equal("Correction — Hackney mayor: our 01:23 post said John Cooper (Labour) holds for Labour; Ann Lee (Labour) holds for Labour", post?.Headline);
    }

    [Fact]
    public void CallCorrection_TimeOfTheCallUnknown_SaysOurEarlierPost()
    {
        var post = _composer.CallCorrection(Candidates.Rush(1, "Lab", "Lab", gain: false), Candidates.Rush(2, "Green", "Lab", gain: true));

        Assert.Equal("Correction — Hackney mayor: our earlier post said Labour hold; Greens gain from Labour", post?.Headline);
    }

    [Fact]
    public void ResultCorrection_ChangedWinner_SaysWhatChangedInPlainFigures()
    {
        var post = _composer.ResultCorrection(Candidates.LabourHold(1), Candidates.GreenGain(3), previousAt: CallReceived);

        Assert.NotNull(post);
        Assert.Equal("Correction — Hackney mayor: our 01:23 post said Labour hold; Greens gain from Labour", post.Headline);
        Assert.Equal(
            [
                "Jim Harvey (Green) 45.2%, John Cooper (Labour) 18.7%.",
                "Turnout 76.3% (138,910 of an electorate of 182,136), +4.5 pts on last time.",
                "Votes: Jim Harvey (Green) 62,806 (45.2%)\nJohn Cooper (Labour) 25,902 (18.7%, -30.1 pts)\nIan Hutton (Independent) 2,089 (1.5%)",
            ],
            post.Lines);
    }

    [Fact]
    public void ResultCorrection_SameCallNewMajority_GivesBothMajoritiesAndTheDeclarationTime()
    {
        var revised = Candidates.GreenGain(2) with { Candidates = [Candidates.Harvey with { Votes = 62000, Share = 44.9m }, Candidates.Cooper, Candidates.Hutton] };

        var post = _composer.ResultCorrection(Candidates.GreenGain(1), revised);

        Assert.Equal("Correction — Hackney mayor: our 02:30 post said Greens gain from Labour by 36,904 votes; Greens gain from Labour by 36,098 votes", post?.Headline);
        Assert.Equal("Jim Harvey (Green) 44.9%, John Cooper (Labour) 18.7%.", post?.Lines[0]);
    }

    [Fact]
    public void ResultCorrection_RevisionAgreesWithTheFigures_SaysSo()
    {
        var contradicted = Candidates.GreenGain(1) with
        {
            Candidates = [Candidates.Harvey with { Elected = false }, Candidates.Cooper with { Elected = true }, Candidates.Hutton],
            WinningParty = new PartyCode("Lab"),
            Gain = false,
        };

        var post = _composer.ResultCorrection(contradicted, Candidates.GreenGain(2));

        Assert.Equal("Correction — Hackney mayor: our 02:30 post said PA called Labour hold against its own figures; Greens gain from Labour, now agreeing with the figures", post?.Headline);
        Assert.Equal("Jim Harvey (Green) 45.2%, John Cooper (Labour) 18.7%.", post?.Lines[0]);
    }

    [Fact]
    public void ResultCorrection_SameCallOtherVotes_ListsTheFiguresThatMoved()
    {
        var revised = Candidates.GreenGain(2) with { Candidates = [Candidates.Harvey, Candidates.Cooper, Candidates.Hutton with { Votes = 2098 }] };

        var post = _composer.ResultCorrection(Candidates.GreenGain(1), revised);

        Assert.Equal("Correction — Hackney mayor: our 02:30 post gave other figures; the call stands: Greens gain from Labour", post?.Headline);
        Assert.Equal("Ian Hutton (Independent) 2,098 (was 2,089).", post?.Lines[0]);
    }

    [Fact]
    public void Result_TurnoutPercentageDisagreesWithItsOwnCounts_PrintsOneFigureOnOneBasis()
    {
        var post = _composer.Result(Candidates.GreenGain() with { TurnoutPercent = 70.1m }, call: null);

        Assert.Equal("Turnout 76.3% (138,910 of an electorate of 182,136).", post.Lines[0]);
        Assert.DoesNotContain("70.1", post.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Result_ShareAboveAHundred_PrintsNoShares()
    {
        var post = _composer.Result(Candidates.GreenGain() with { Candidates = [Candidates.Harvey with { Share = 145.2m }, Candidates.Cooper, Candidates.Hutton] }, call: null);

        Assert.Equal("Votes: Jim Harvey (Green) 62,806\nJohn Cooper (Labour) 25,902\nIan Hutton (Independent) 2,089", post.Lines[^1]);
    }

    [Fact]
    public void Call_ScottishConstituency_NamesTheParliamentAndUsesTheHouseNameForTheSnp()
    {
        var stewart = new Candidate("Kevin", "Stewart", new PartyCode("SNP"), "Scottish National Party", Elected: true);

        var post = _composer.Call(Candidates.Rush(1, "SNP", "SNP", gain: false, Candidates.AberdeenCentral) with { Winner = stewart });

        Assert.Equal("Aberdeen Central: Kevin Stewart (SNP) holds for SNP", post.Headline);
        Assert.Equal(["Scottish Parliament constituency.", "Full result to follow."], post.Lines);
        Assert.Equal("parliament", post.Topic?.ElectionType);
    }

    [Fact]
    public void List_RegionWithPaLongPartyNames_UsesTheHouseNames()
    {
        var list = Lothian(1, new PartyVote(new PartyCode("SNP"), "Scottish National Party", 100000, 40m, -2m), new PartyVote(new PartyCode("C"), "Scottish Conservative and Unionist Party", 50000, 20m, null));

        var post = _composer.List(list, previous: null);

        Assert.NotNull(post);
        Assert.Equal("Lothian list: SNP 2, Conservatives 1", post.Headline);
        Assert.Equal(
            [
                "Scottish Parliament region (list).",
                "Elected: Ash Adams (SNP, list 1)\nBea Brown (SNP, list 2)\nCal Cole (Conservative, list 1)",
                "List votes: SNP 100,000 (40.0%, -2.0 pts)\nConservatives 50,000 (20.0%)",
            ],
            post.Lines);
    }

    [Fact]
    public void List_Correction_SaysWhatChangedAndWhen()
    {
        var before = Lothian(1, new PartyVote(new PartyCode("SNP"), "Scottish National Party", 100000, 40m, null));
        var after = before with { Revision = 2, Parties = [new PartyVote(new PartyCode("SNP"), "Scottish National Party", 101000, 40.4m, null)] };

        var post = _composer.List(after, before, previousAt: CallReceived);

        Assert.Equal("Correction — Lothian list: our 01:23 post gave other vote figures; the members elected stand: SNP 2, Conservatives 1", post?.Headline);
        Assert.Equal("SNP 101,000 (was 100,000).", post?.Lines[0]);
    }

    [Fact]
    public void List_CorrectionThatMovesASeat_GivesBothSeatCountsAndTheVotes()
    {
        var before = Lothian(1, new PartyVote(new PartyCode("SNP"), "Scottish National Party", 100000, 40m, null), new PartyVote(new PartyCode("C"), "Scottish Conservative and Unionist Party", 50000, 20m, null));
        var after = before with
        {
            Revision = 2,
            Elected = [before.Elected[0], before.Elected[2], new Candidate("Dee", "Dunn", new PartyCode("C"), "Scottish Conservative and Unionist Party", Elected: true, ListRank: 2)],
            Parties = [before.Parties[0] with { Votes = 90000, Share = 36m }, before.Parties[1]],
        };

        var post = _composer.List(after, before);

        Assert.Equal("Correction — Lothian list: our earlier post said SNP 2, Conservatives 1; Conservatives 2, SNP 1", post?.Headline);
        Assert.Equal("SNP 90,000 (was 100,000).", post?.Lines[0]);
    }

    [Fact]
    public void ListAfterMembers_SameMembers_IsMarkedAsTheFullResult()
    {
        var members = Lothian(1) with { Provisional = true };

        var post = _composer.ListAfterMembers(Lothian(1, new PartyVote(new PartyCode("SNP"), "Scottish National Party", 100000, 40m, null)), members);

        Assert.Equal(PostKind.Declaration, post.Kind);
        Assert.Equal("Full result — Lothian list: SNP 2, Conservatives 1", post.Headline);
    }

    [Fact]
    public void ListAfterMembers_OtherMembers_IsACorrectionOfTheMembersPost()
    {
        var members = Lothian(1) with { Provisional = true, Elected = [.. Lothian(1).Elected.Take(2)] };

        var post = _composer.ListAfterMembers(Lothian(1, new PartyVote(new PartyCode("SNP"), "Scottish National Party", 100000, 40m, null)), members, membersAt: CallReceived);

        Assert.Equal(PostKind.Correction, post.Kind);
        Assert.Equal("Correction — Lothian list: our 01:23 post said SNP 2; SNP 2, Conservatives 1", post.Headline);
        Assert.Equal("SNP 100,000.", post.Lines[0]);
    }

    [Fact]
    public void Result_AfterTheSameCallButTheFiguresContradictIt_IsACorrectionAwaitingConfirmation()
    {
        var contradicted = Candidates.GreenGain() with
        {
            Candidates = [Candidates.Harvey with { Elected = false }, Candidates.Cooper with { Elected = true }, Candidates.Hutton],
            WinningParty = new PartyCode("Lab"),
            Gain = false,
        };

        var post = _composer.Result(contradicted, Candidates.Rush(1, "Lab", "Lab", gain: false), callAt: CallReceived);

        Assert.Equal(PostKind.Correction, post.Kind);
        Assert.Equal("Correction — Hackney mayor: our 01:23 post said Labour hold; PA now calls Labour hold but the figures show Greens ahead — awaiting confirmation", post.Headline);
        Assert.Equal("Jim Harvey (Green) 45.2%, John Cooper (Labour) 18.7%.", post.Lines[0]);
    }

    [Fact]
    public void Result_WinnerLevelOnVotes_SaysLevelAndNoMajority()
    {
        var level = Candidates.GreenGain() with { Candidates = [Candidates.Harvey, Candidates.Cooper with { Votes = 62806, Share = 45.21m }] };

        var post = _composer.Result(level, call: null);

        Assert.Equal("Hackney mayor: Jim Harvey (Green) gains from Labour, level with John Cooper on 62,806 votes", post.Headline);
    }

    [Fact]
    public void Result_CallWhileTheFiguresShowOthersLevel_SaysSoAndAwaitsConfirmation()
    {
        var contradicted = Candidates.GreenGain() with
        {
            Candidates = [Candidates.Harvey with { Elected = false, Votes = 30000 }, Candidates.Cooper with { Votes = 30000 }, Candidates.Hutton with { Elected = true, Votes = 2089 }],
            WinningParty = new PartyCode("Ind"),
        };

        var post = _composer.Result(contradicted, call: null);

        Assert.Equal("Hackney mayor: PA calls Independents gain from Labour; the figures show Jim Harvey and John Cooper level — awaiting confirmation", post.Headline);
    }

    [Fact]
    public void Result_MayorPost_ReachesMayorAndLondonSubscriptionsOnly()
    {
        var post = _composer.Result(Candidates.GreenGain(), call: null);

        Assert.True(Filter("types mayors").Matches(post));
        Assert.True(Filter("region London").Matches(post));
        Assert.False(Filter("types councils, parliaments").Matches(post));
    }

    [Fact]
    public void Digest_WithAMayor_CountsResultsNotCouncils()
    {
        var digest = new DigestComposer(Culture.EnGb).Compose([_composer.Result(Candidates.GreenGain(), call: null), _composer.Call(Candidates.Rush(1, "Reform", "SNP", gain: true, Candidates.AberdeenCentral))]);

        Assert.Equal("2 results declared", digest.Headline);
        Assert.Equal(["Hackney mayor: Jim Harvey (Green) gains from Labour, beating John Cooper by 36,904 votes", "Aberdeen Central: Reform UK gain from SNP"], digest.Lines);
    }

    private static SubscriptionFilter Filter(string text) => SubscriptionParser.Parse(text, Regions.KnownCouncils, []).Filter!;

    private static ListResult Lothian(int revision, params PartyVote[] parties) =>
        new(
            revision,
            new Contest(ContestKind.Region, "Lothian", "Scottish Parliament", "S"),
            Provisional: false,
            [
                new Candidate("Ash", "Adams", new PartyCode("SNP"), "Scottish National Party", Elected: true, ListRank: 1),
                new Candidate("Bea", "Brown", new PartyCode("SNP"), "Scottish National Party", Elected: true, ListRank: 2),
                new Candidate("Cal", "Cole", new PartyCode("C"), "Scottish Conservative and Unionist Party", Elected: true, ListRank: 1),
            ],
            parties,
            null,
            null);
}
