using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class AskVerbTests
{
    [Fact]
    public async Task Ask_CouncilInFeed_AnswersWithItsLatestResult()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_result_Bolton_1.xml", "Local_Test_result_Bolton_2.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "ask", "/council bolton", "--feed", dir.Path);

        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal("Bolton stays under no overall control (corrected result)", lines[0]);
        Assert.Contains("Council now: Labour 24, Independents 15, Conservatives 11, Liberal Democrats 8, Greens 2", lines);
    }

    [Fact]
    public async Task Ask_CouncilNominatedButNotDeclared_SaysNotDeclaredYet()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_nominations_Harlow.xml", "Local_Test_result_Thurrock_1.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "ask", "/council Harlow", "--feed", dir.Path);

        Assert.Equal(0, exit);
        Assert.Equal(
            "Harlow has not declared yet. 11 of 33 seats are up. Before the poll: Conservatives 17, Labour 15, Reform UK 1 (Conservative control).",
            stdout.Trim());
    }

    [Fact]
    public async Task Ask_NewcastleWhenTheFeedHasBoth_ListsThemAndExitsOne()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Newcastle_under_Lyme_1.xml", "Local_Test_result_Newcastle_upon_Tyne_1.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "ask", "/council newcastle", "--feed", dir.Path);

        Assert.Equal(1, exit);
        Assert.Equal("Which one? Newcastle-upon-Tyne or Newcastle-under-Lyme", stdout.Trim());
    }

    [Fact]
    public async Task Ask_CouncilByPaId_AnswersForThatCouncil()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_result_Bolton_1.xml", "Local_Test_result_Bolton_2.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "ask", "/council 4735", "--feed", dir.Path);

        Assert.Equal(0, exit);
        Assert.StartsWith("Bolton stays under no overall control (corrected result)\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CouncilWithATypo_SuggestsTheCouncilAndNeverAnswersForIt()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_result_Bolton_1.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "ask", "/council thurock", "--feed", dir.Path);

        Assert.Equal(1, exit);
        Assert.Equal("No result for \"thurock\". Did you mean Thurrock?", stdout.Trim());
    }

    [Fact]
    public async Task Ask_CouncilNotInFeed_ExitsOne()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "ask", "/council Birmingham", "--feed", dir.Path);

        Assert.Equal(1, exit);
        Assert.Equal("Birmingham has no election on this night.", stdout.Trim());
    }

    [Fact]
    public async Task Ask_Scoreboard_TotalsEqualSumsOverTheFeedsCouncils()
    {
        var feed = Paths.SharedFeeds;
        var latest = Directory.GetFiles(feed, "Local_Test_result_*.xml")
            .Select(f => XDocument.Load(f).Root!)
            .GroupBy(r => r.Descendants("Council").Single().Attribute("name")!.Value)
            .Select(g => g.MaxBy(r => int.Parse(r.Attribute("revision")!.Value, CultureInfo.InvariantCulture))!.Descendants("Council").Single())
            .ToList();
        int Won(string party) => latest.Sum(c => (c.Element("ElectedCouncillors") ?? c.Element("NewCouncil"))!.Elements("Party")
            .Where(p => p.Attribute("name")!.Value == party).Sum(p => (int)p.Attribute("seats")!));
        int Change(string party) => latest.Sum(c => c.Element("Changes")?.Elements("Party")
            .Where(p => p.Attribute("name")!.Value == party).Sum(p => (int)p.Attribute("change")!) ?? 0);
        int Controls(string party) => latest.Count(c => c.Attribute("winningParty")!.Value == party);
        int ControlChange(string party) =>
            latest.Count(c => c.Attribute("winningParty")!.Value == party && c.Attribute("sittingParty")!.Value != party)
            - latest.Count(c => c.Attribute("sittingParty")!.Value == party && c.Attribute("winningParty")!.Value != party);

        var (exit, stdout, _) = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/scoreboard", "--feed", feed);

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n');
        Assert.Equal($"Scoreboard: {latest.Count} of 136 councils declared", lines[0]);
        Assert.Equal(["Party", "Councils", "+/-", "Councillors", "+/-"], Cells(lines[1]));
        var table = lines.Skip(1).TakeWhile(l => l.Length > 0 && !l.EndsWith('.')).ToList();
        Assert.All(table.SkipLast(1), row => Assert.Equal(lines[1].Length, row.Length));
        Assert.Equal([Controls("Lab").ToString(Culture), Signed(ControlChange("Lab"))], Cells(Row(table, "Labour"))[1..3]);
        Assert.Equal([Won("Lab").ToString("N0", Culture), Signed(Change("Lab"))], Cells(Row(table, "Labour"))[3..]);
        Assert.Equal([Won("Reform").ToString("N0", Culture), Signed(Change("Reform"))], Cells(Row(table, "Reform UK"))[3..]);
        Assert.Equal(["No overall control", Controls("NOC").ToString(Culture)], Cells(table[^1])[..2]);
    }

    [Fact]
    public async Task Ask_GainsDeclaredAndAwaiting_AgreeWithTheFeedAndEachOther()
    {
        var feed = Paths.SharedFeeds;
        var latest = Directory.GetFiles(feed, "Local_Test_result_*.xml")
            .Select(f => XDocument.Load(f).Root!)
            .GroupBy(r => r.Descendants("Council").Single().Attribute("name")!.Value)
            .Select(g => g.MaxBy(r => int.Parse(r.Attribute("revision")!.Value, CultureInfo.InvariantCulture))!.Descendants("Council").Single())
            .ToList();
        var changedHands = latest.Count(c => c.Attribute("winningParty")!.Value != c.Attribute("sittingParty")!.Value);

        var (_, gains, _) = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/gains all", "--feed", feed);
        var (_, declared, _) = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/declared all", "--feed", feed);
        var (_, awaiting, _) = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/awaiting", "--feed", feed);

        // Councils that changed hands, plus the feed's mayoralties that did (the whole night is in /gains).
        var gainLines = gains.TrimEnd().Split('\n');
        var councilGains = gainLines.Skip(1).Count(l => !l.Contains(" mayor: ", StringComparison.Ordinal) && !l.Contains(" commissioner: ", StringComparison.Ordinal));
        Assert.Equal(changedHands, councilGains);
        Assert.Equal($"{gainLines.Length - 1} changes of control, newest first:", gainLines[0]);
        var declaredLines = declared.TrimEnd().Split('\n');
        Assert.StartsWith($"{latest.Count} of 136 councils declared. ", declaredLines[0], StringComparison.Ordinal);
        Assert.Equal(latest.Count, declaredLines.Length - 1);
        var awaitingLines = awaiting.Trim().Split('\n');
        Assert.Equal($"{136 - latest.Count} of 136 councils still to declare:", awaitingLines[0]);
        var waitingNames = awaitingLines.Skip(1)
            .SelectMany(l => l.Split(": ", 2)[1].Replace(" and ", ", ", StringComparison.Ordinal).Split(", "))
            .ToList();
        Assert.Equal(136 - latest.Count, waitingNames.Count);
        Assert.DoesNotContain(waitingNames, name => latest.Any(c => c.Attribute("name")!.Value == name));
    }

    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    private static string Signed(int change) => change switch
    {
        > 0 => "+" + change.ToString("N0", Culture),
        < 0 => "-" + (-change).ToString("N0", Culture),
        _ => "±0",
    };

    // Columns are at least two spaces apart; a party's name has single spaces.
    private static string[] Cells(string row) => Regex.Split(row.Trim(), " {2,}");

    private static string Row(List<string> table, string party) => table.Single(l => Cells(l)[0] == party);
}
