using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

public class CommandEngineTests
{
    private static readonly CouncilDeclaration Hull = Declaration.Of("Kingston upon Hull").ByThirds()
        .Control("LD", "LD")
        .Elected(("Lab", 10), ("LD", 9))
        .Changes(("Lab", 1), ("LD", -1))
        .NewCouncil(("LD", 31), ("Lab", 26))
        .Build();

    private static readonly CouncilDeclaration Basingstoke = Declaration.Of("Basingstoke & Deane").ByThirds()
        .Control("NOC", "C")
        .Elected(("C", 8), ("LD", 6), ("Ind", 4), ("Lab", 2))
        .Changes(("C", -5), ("LD", 3), ("Ind", 2))
        .NewCouncil(("C", 20), ("LD", 16), ("Ind", 12), ("Lab", 6))
        .Build();

    private static readonly CouncilDeclaration StHelens = Declaration.Of("St Helens")
        .Control("Lab", "Lab")
        .NewCouncil(("Lab", 33), ("Grn", 7), ("Ind", 8))
        .Build();

    private static readonly CouncilNominations ThurrockNominations = new(
        1,
        new Council("Thurrock", null, "Unitary", Proportion.Third),
        new DateOnly(2024, 5, 2),
        [
            new PartyNomination(new PartyCode("C"), "Conservative", 11, 11, 0, 0),
            new PartyNomination(new PartyCode("Reform"), "Reform UK", 4, 4, 0, 0),
            new PartyNomination(new PartyCode("Lab"), "Labour", 26, 26, 0, 0),
            new PartyNomination(new PartyCode("Ind"), "Independent/Other", 8, 8, 0, 0),
        ]);

    private readonly CommandEngine _engine = new(Culture.EnGb);
    private readonly ResultsBook _book = Books.With(ThurrockNominations, Hull, Basingstoke, StHelens);

    [Fact]
    public void Answer_Council_GivesTheResultWithoutTheProgressLine()
    {
        var answer = _engine.Answer("/council Kingston upon Hull", _book);

        Assert.True(answer.Ok);
        Assert.Equal(
            """
            Liberal Democrats hold Kingston upon Hull
            A third of the council up: 19 of 57 seats
            Seats won: Labour 10 (+1), Liberal Democrats 9 (-1)
            Council now: Liberal Democrats 31, Labour 26
            Changes are in seats won since these seats were last fought.
            Liberal Democrat majority of 5
            """,
            answer.Text);
    }

    [Theory]
    [InlineData("/council hull")]
    [InlineData("/council KINGSTON-UPON-HULL")]
    [InlineData("/council City of Kingston on Hull")]
    [InlineData("/council kingston")]
    [InlineData("  /Council   Kingston upon Hull  ")]
    [InlineData("council Hull")]
    public void Answer_CouncilSpeltLoosely_FindsIt(string input)
    {
        var answer = _engine.Answer(input, _book);

        Assert.True(answer.Ok);
        Assert.StartsWith("Liberal Democrats hold Kingston upon Hull\n", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/council basingstoke and deane")]
    [InlineData("/council Basingstoke")]
    public void Answer_AmpersandCouncilSpeltWithAnd_FindsIt(string input)
    {
        var answer = _engine.Answer(input, _book);

        Assert.StartsWith("Conservatives lose Basingstoke & Deane to no overall control\n", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("\nLargest party: Conservatives, 8 short of a majority (28 needed)", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_SaintSpeltOut_FindsStHelens()
    {
        var answer = _engine.Answer("/council Saint Helens", _book);

        Assert.StartsWith("Labour hold St Helens\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_RevisedCouncil_SaysWhichRevision()
    {
        var corrected = Declaration.Of("St Helens").Revision(2).Control("Lab", "Lab").NewCouncil(("Lab", 34), ("Grn", 6), ("Ind", 8)).Build();

        var answer = _engine.Answer("/council st helens", _book.Accept(corrected).Book);

        Assert.StartsWith("Labour hold St Helens (corrected result)\nWhole council up: 48 seats\nSeats won: Labour 34, ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_CouncilKnownOnlyFromNominations_HasNotDeclaredYetWithWhatIsUpAndWhoHoldsIt()
    {
        var answer = _engine.Answer("/council thurrock", _book);

        Assert.True(answer.Ok);
        Assert.Equal(
            "Thurrock has not declared yet. All 49 seats are up. Before the poll: Labour 26, Conservatives 11, Independents 8, Reform UK 4 (Labour control).",
            answer.Text);
    }

    [Fact]
    public void Answer_UnknownCouncilCloseToSeveral_ListsThemWithCommasAndOr()
    {
        var book = ResultsBook.Empty.ExpectCouncils(["Barnet", "Barnes", "Burnet", "Barnsley"]);

        var answer = _engine.Answer("/council Barnel", book);

        Assert.Equal("No result for \"Barnel\". Did you mean Barnes, Barnet or Burnet?", answer.Text);
    }

    [Fact]
    public void Answer_TypoCloseToOneCouncil_AsksRatherThanGuessing()
    {
        var answer = _engine.Answer("/council Thurrok", _book);

        Assert.False(answer.Ok);
        Assert.Equal("No result for \"Thurrok\". Did you mean Thurrock?", answer.Text);
    }

    [Fact]
    public void Answer_UnknownCouncilCloseToNone_SaysSo()
    {
        var answer = _engine.Answer("/council Zzyzx", _book);

        Assert.False(answer.Ok);
        Assert.Equal("No result for \"Zzyzx\" tonight.", answer.Text);
    }

    [Fact]
    public void Answer_CouncilWithoutName_AsksWhich()
    {
        var answer = _engine.Answer("/council", _book);

        Assert.False(answer.Ok);
        Assert.Equal("Which council? For example: /council Birmingham", answer.Text);
    }

    [Fact]
    public void Answer_Scoreboard_GivesTheScoreboardText()
    {
        var answer = _engine.Answer("/scoreboard", Books.With(Night.Adur, Night.Sunderland));

        Assert.True(answer.Ok);
        Assert.Equal(
            """
            Scoreboard: 2 councils declared
            Party               Councils  +/-  Councillors  +/-
            Labour                     2   +1           30   +3
            Conservatives              0   -1            5   -4
            Liberal Democrats          0   ±0            3   +1
            Greens                     0   ±0            1   ±0
            Independents               0   ±0            0   ±0
            Reform UK                  0   ±0            0   ±0
            No overall control         0   ±0
            Councillors are seats won tonight; +/- is the net change since the same seats were last fought.
            """,
            answer.Text);
    }

    [Fact]
    public void Answer_Help_ListsTheCommands()
    {
        var answer = _engine.Answer("/help", _book);

        Assert.True(answer.Ok);
        Assert.Equal(
            """
            Commands:
              /council NAME       a council's result, or what is up if it has not declared (NAME, PA id or GSS code)
              /mayor NAME         a mayoralty's result, its call, or who is standing
              /pcc AREA           a police and crime commissioner's result, its call, or who is standing
              /seat NAME          a Scottish or Welsh parliament seat's result (constituency or list)
              /scoreboard         councils and councillors by party, with changes; the parliaments' seats
              /gains [PARTY]      every change of control so far, newest first (a party, region or "all")
              /party NAME         a party's night: councils held, gained and lost, councillors
              /declared [PARTY]   councils declared so far, the latest first, with the call (a party, region or "all")
              /awaiting [REGION]  councils still to declare, by nation and region
              /ward NAME          a ward's or by-election's result (NAME, or NAME and council)
              /map                the night as a map of council control
              /chamber COUNCIL    a declared council's new chamber as a picture
              /chart              councillors' net change by party as a chart
              /referendum AREA    a referendum's result; with no area, every referendum so far
              /share              the projected national share, with its source and time
              /share set ...      enter the projected national share (admins only)
              /subscribe FILTERS  post results in this channel, e.g. region London; party Green; changes; publish (in a Discord announcement channel); forum per council (in a Discord forum) (admins only)
              /subscriptions      this channel's subscription and whether it is paused
              /unsubscribe        stop posting results in this channel (admins only)
              /help               this list
            """,
            answer.Text.TrimEnd());
    }

    [Fact]
    public void Answer_UnknownCommand_SaysSoAndPointsAtHelp()
    {
        var answer = _engine.Answer("/results Hull", _book);

        Assert.False(answer.Ok);
        Assert.Equal("I don't know the command \"/results\". /help lists the ones I do; questions such as \"who won Birmingham\" or \"how are Labour doing\" work too.", answer.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Answer_Nothing_SuggestsACommand(string input)
    {
        var answer = _engine.Answer(input, _book);

        Assert.False(answer.Ok);
        Assert.Equal("Type a command, e.g. /council Birmingham. /help lists them all.", answer.Text);
    }

    [Fact]
    public void Answer_HugeCouncilName_IsNotEchoedInFull()
    {
        var huge = new string('x', 200 * 1024);

        var answer = _engine.Answer("/council " + huge, _book);

        Assert.False(answer.Ok);
        Assert.Equal($"No result for \"{new string('x', 60)}…\" tonight.", answer.Text);
    }

    [Fact]
    public void Answer_HugeCommandName_IsNotEchoedInFull()
    {
        var answer = _engine.Answer("/" + new string('y', 200 * 1024), _book);

        Assert.False(answer.Ok);
        Assert.Equal($"I don't know the command \"/{new string('y', 60)}…\". /help lists the ones I do; questions such as \"who won Birmingham\" or \"how are Labour doing\" work too.", answer.Text);
    }
}
