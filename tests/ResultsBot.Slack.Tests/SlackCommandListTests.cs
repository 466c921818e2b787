using System.Text.RegularExpressions;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes;

namespace ResultsBot.Slack.Tests;

/// <summary>
/// What the committed Slack app manifest and docs/slack-commands.md say about /results agrees with the bot's one
/// command catalogue: the docs list every command as /help does, and every command the manifest or the docs' examples
/// name is one the bot answers.
/// </summary>
public sealed partial class SlackCommandListTests
{
    private static readonly string RepoRoot = Path.GetFullPath(Path.Combine(NodeConformance.Folder, "..", ".."));
    private static readonly string[] Docs = File.ReadAllLines(Path.Combine(RepoRoot, "docs", "slack-commands.md"));
    private static readonly string[] Manifest = File.ReadAllLines(Path.Combine(RepoRoot, "slack-app-manifest.yml"));

    [Fact]
    public void Docs_EveryCommandTable_IsTheCataloguesHelpWithResultsInFront()
    {
        var rows = Docs.SkipWhile(line => line != "## Every command").TakeWhile(line => !line.StartsWith("## Who", StringComparison.Ordinal))
            .Select(line => EveryCommandRow().Match(line)).Where(m => m.Success)
            .Select(m => (m.Groups["usage"].Value, m.Groups["text"].Value));

        Assert.Equal(CommandCatalogue.All.SelectMany(c => c.Help).Select(h => ("/results " + h.Usage[1..], h.Text)), rows);
    }

    [Fact]
    public void Docs_Examples_NameOnlyCommandsTheBotAnswers()
    {
        var examples = Docs.Select(line => ExampleRow().Match(line)).Where(m => m.Success).Select(m => m.Groups["command"].Value).ToList();

        Assert.NotEmpty(examples);
        Assert.All(examples, name => Assert.NotNull(CommandCatalogue.Find(name)));
    }

    [Fact]
    public void Manifest_OneSlashCommand_NamingOnlyCommandsTheBotAnswers()
    {
        var commands = Manifest.Where(line => line.TrimStart().StartsWith("- command:", StringComparison.Ordinal)).Select(line => line.Split(':', 2)[1].Trim());
        var description = Value("description", after: "- command: /results");
        var hint = Value("usage_hint", after: "- command: /results");

        Assert.Equal(["/results"], commands);
        var listed = DescriptionList().Match(description).Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries);
        var hinted = hint.Split('|', StringSplitOptions.TrimEntries).Select(FirstCommandWord);
        Assert.All(listed.Concat(hinted), name => Assert.True(CommandCatalogue.Find(name) is not null, $"the manifest names \"{name}\", which is not a command"));
        Assert.InRange(description.Length, 1, 100); // Slack's limit for a slash command's description
    }

    [Fact]
    public void Manifest_Interactivity_IsOnAndNamesTheBotsInteractivityPathForHttpMode()
    {
        var enabled = Value("is_enabled", after: "interactivity:").Split('#')[0].Trim();

        Assert.Equal("true", enabled);
        Assert.Contains("https://your-bot.example" + ResultsBot.Slack.Commands.SlackInteractivityEndpoint.DefaultPath + ")", string.Join('\n', Manifest), StringComparison.Ordinal);
        Assert.Contains("https://your-bot.example" + ResultsBot.Slack.Commands.SlackCommandEndpoint.DefaultPath + ")", string.Join('\n', Manifest), StringComparison.Ordinal);
    }

    /// <summary>The first word of a /results text that the engine reads as the command ("post" only says who sees it).</summary>
    private static string FirstCommandWord(string text) =>
        ResultsBot.Slack.Commands.ResultsCommandText.Parse(text).EngineText.TrimStart('/').Split(' ')[0];

    private static string Value(string key, string after) =>
        Manifest.SkipWhile(line => line.Trim() != after).Select(line => line.Trim())
            .First(line => line.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim().Trim('"');

    [GeneratedRegex(@"^\| `(?<usage>/results [^`]+)` \| (?<text>.+) \|$")]
    private static partial Regex EveryCommandRow();

    [GeneratedRegex(@"^\| `/results [^`]*` .*\| `/(?<command>[a-z]+)[^`]*` \|$")]
    private static partial Regex ExampleRow();

    [GeneratedRegex(@"\((?<names>[a-z, ]+)\)")]
    private static partial Regex DescriptionList();
}
