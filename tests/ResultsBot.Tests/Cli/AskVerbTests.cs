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
        Assert.Equal("Bolton stays under no overall control (revision 2)", lines[0]);
        Assert.Contains("Council now: Labour 24, Independents 15, Conservatives 11, Liberal Democrats 8, Greens 2", lines);
    }

    [Fact]
    public async Task Ask_CouncilNominatedButNotDeclared_SaysNotDeclaredYet()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_nominations_Harlow.xml", "Local_Test_result_Thurrock_1.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "ask", "/council Harlow", "--feed", dir.Path);

        Assert.Equal(0, exit);
        Assert.Equal("Harlow has not declared yet.", stdout.Trim());
    }

    [Fact]
    public async Task Ask_UnknownCouncil_ExitsOneWithSuggestion()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "ask", "/council Thurock", "--feed", dir.Path);

        Assert.Equal(1, exit);
        Assert.Equal("No council called \"Thurock\" in this feed. Did you mean Thurrock?", stdout.Trim());
    }

    [Fact]
    public async Task Ask_Scoreboard_TotalsEqualSumsOverTheFeedsCouncils()
    {
        var feed = Paths.SharedFeeds;
        var latest = Directory.GetFiles(feed, "Local_Test_result_*.xml")
            .Select(f => XDocument.Load(f).Root!)
            .GroupBy(r => r.Descendants("Council").Single().Attribute("name")!.Value)
            .Select(g => g.MaxBy(r => int.Parse(r.Attribute("revision")!.Value, System.Globalization.CultureInfo.InvariantCulture))!.Descendants("Council").Single())
            .ToList();
        int Won(string party) => latest.Sum(c => (c.Element("ElectedCouncillors") ?? c.Element("NewCouncil"))!.Elements("Party")
            .Where(p => p.Attribute("name")!.Value == party).Sum(p => (int)p.Attribute("seats")!));
        int Change(string party) => latest.Sum(c => c.Element("Changes")?.Elements("Party")
            .Where(p => p.Attribute("name")!.Value == party).Sum(p => (int)p.Attribute("change")!) ?? 0);
        int Controls(string party) => latest.Count(c => c.Attribute("winningParty")!.Value == party);

        var (exit, stdout, _) = await BotProcess.RunAsync(Paths.RepoRoot, "ask", "/scoreboard", "--feed", feed);

        Assert.Equal(0, exit);
        var lines = stdout.Split('\n');
        Assert.Equal($"Scoreboard: {latest.Count} of 136 councils declared", lines[0]);
        var labour = lines.Single(l => l.StartsWith("Labour:", StringComparison.Ordinal));
        Assert.StartsWith($"Labour: {Controls("Lab")} councils", labour, StringComparison.Ordinal);
        Assert.EndsWith($"{Won("Lab"):N0} councillors ({Change("Lab")})", labour, StringComparison.Ordinal);
        var reform = lines.Single(l => l.StartsWith("Reform UK:", StringComparison.Ordinal));
        Assert.EndsWith($"{Won("Reform"):N0} councillors (+{Change("Reform")})", reform, StringComparison.Ordinal);
        Assert.StartsWith($"No overall control: {Controls("NOC")} councils", lines.Single(l => l.StartsWith("No overall control", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
