using System.Globalization;
using System.Text.RegularExpressions;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

/// <summary>/scoreboard, /gains, /party, /declared and /awaiting tell one story, read as a user reads them.</summary>
public partial class CommandsAgreeTests
{
    private static readonly CultureInfo EnGb = Culture.EnGb;

    private static readonly CouncilDeclaration[] Declarations =
    [
        Night.Adur, Night.Bolton, Night.Basildon, Night.Sunderland, GainsCommandTests.Thurrock,
        Declaration.Of("Bury").Control("C", "Lab").NewCouncil(("C", 26), ("Lab", 25)).Changes(("C", 4), ("Lab", -4)).Build(),
        Declaration.Of("Hart").Control("LD", "NOC").NewCouncil(("LD", 20), ("C", 13)).Changes(("LD", 5), ("C", -5)).Build(),
        Declaration.Of("Wigan").Control("NOC", "Lab").NewCouncil(("Lab", 30), ("Reform", 20), ("Ind", 25)).Changes(("Reform", 20), ("Lab", -20)).Build(),
        Declaration.Of("Castle Point").Control("R", "R").NewCouncil(("R", 30), ("C", 9)).Build(),
    ];

    private readonly CommandEngine _engine = new(Culture.EnGb);
    private readonly ResultsBook _book = Books.With(Declarations).ExpectCouncils(["Harlow", "Hackney", "Adur"]);

    [Theory]
    [InlineData("Labour")]
    [InlineData("Conservatives")]
    [InlineData("Liberal Democrats")]
    [InlineData("Reform UK")]
    [InlineData("Residents")]
    [InlineData("Independents")]
    public void Party_AgreesWithTheScoreboardAndGains(string party)
    {
        var row = Regex.Split(Ask("/scoreboard").Split('\n').Single(l => l.StartsWith(party + "  ", StringComparison.Ordinal)).Trim(), " {2,}");
        var gains = Ask("/gains").Split('\n').Skip(1).ToList();
        var answer = Ask("/party " + party).Split('\n');

        var councils = CouncilsLine().Match(answer[1]);
        Assert.True(councils.Success, answer[1]);
        Assert.Equal((row[1], row[2]), (councils.Groups["n"].Value, councils.Groups["change"].Value));
        Assert.Equal($"Councillors elected: {row[3]} ({row[4]})", answer[2]);
        var gained = int.Parse(councils.Groups["gained"].Value, EnGb);
        var lost = int.Parse(councils.Groups["lost"].Value, EnGb);
        Assert.Equal(gains.Count(g => g.StartsWith(party + " gain ", StringComparison.Ordinal)), gained);
        Assert.Equal(gains.Count(g => g.StartsWith(party + " lose ", StringComparison.Ordinal) || g.EndsWith(" from " + party, StringComparison.Ordinal)), lost);
        Assert.Equal(int.Parse(row[1], EnGb), int.Parse(councils.Groups["held"].Value, EnGb) + gained);
    }

    [Fact]
    public void Gains_OneLinePerCouncilWhoseControlChanged_AndTheScoreboardsChangesNetToZero()
    {
        var gains = Ask("/gains").Split('\n');
        var table = Ask("/scoreboard").Split('\n').Skip(2).TakeWhile(l => !l.EndsWith('.')).Select(l => Regex.Split(l.Trim(), " {2,}"));

        Assert.Equal("6 changes of control, newest first:", gains[0]);
        Assert.Equal(6, gains.Length - 1);
        Assert.Equal(0, table.Sum(r => int.Parse(r[2].Replace("±", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, EnGb)));
    }

    [Fact]
    public void DeclaredAndAwaiting_AddUpToTheCouncilsExpected()
    {
        var declared = Ask("/declared");
        var awaiting = Ask("/awaiting");

        Assert.StartsWith("9 of 11 councils declared. ", declared, StringComparison.Ordinal);
        Assert.Equal(9, declared.Split('\n').Length - 1);
        Assert.Equal("2 of 11 councils still to declare:\nEast of England (1): Harlow\nLondon (1): Hackney", awaiting);
        Assert.StartsWith("Scoreboard: 9 of 11 councils declared\n", Ask("/scoreboard"), StringComparison.Ordinal);
    }

    private string Ask(string command) => _engine.Answer(command, _book).Text;

    [GeneratedRegex(@"^Councils: (?<n>[\d,]+) \((?<change>[-+±][\d,]+)\) — held (?<held>[\d,]+), gained (?<gained>[\d,]+), lost (?<lost>[\d,]+)$")]
    private static partial Regex CouncilsLine();
}
