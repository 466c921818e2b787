using ResultsBot.Domain.Commands;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.AppHome;

/// <summary>
/// The Home tab: the scoreboard and the latest declarations, as /results scoreboard and /results declared answer
/// them (code blocks keep the table's columns; feed text escaped as in every answer), and when it was brought up to
/// date. Within a Home view's 100 blocks whatever the night's size.
/// </summary>
internal static class SlackHomeView
{
    /// <summary>
    /// Sections of up to 3,000 characters each: 30 an answer keeps the view well inside Slack's 250 kB for a view
    /// (and its 100 blocks) even with every character escaped.
    /// </summary>
    private const int SectionsPerAnswer = 30;

    public static HomeTabView Render(CommandAnswer scoreboard, CommandAnswer declared, string updated)
    {
        List<SlackBlock> blocks =
        [
            Blocks.Header("Election night"),
            Blocks.MrkdwnSection("*Scoreboard*"),
            .. Answer(scoreboard, "scoreboard"),
            new DividerBlock(),
            Blocks.MrkdwnSection("*Latest declarations*"),
            .. Answer(declared, "declared"),
            Blocks.Context($"Updated {updated} UK time; kept up to date as councils declare."),
        ];
        return new HomeTabView(blocks);
    }

    private static IEnumerable<SlackBlock> Answer(CommandAnswer answer, string command)
    {
        var sections = SlackCommandAnswerRenderer.Render(answer, inChannel: false).Blocks;
        return sections.Count <= SectionsPerAnswer
            ? sections
            : [.. sections.Take(SectionsPerAnswer - 1), Blocks.MrkdwnSection($"(Cut to fit the Home tab: /results {command} gives all of it.)")];
    }
}
