using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Discord.Posts;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Pa;
using ResultsBot.Application.Pipeline;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.Posts;
using ResultsBot.Application.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

/// <summary>
/// Property, end to end: hostile council and party names in a real PA file, and a hostile source typed into
/// /share set, go through the parser, the desk, the composers and the command engine; nothing that reaches
/// a Discord or Slack payload is live as a link, a mention or formatting. Seeded; a failure names its seed.
/// </summary>
public sealed class HostileFeedTextTests
{
    private const int Cases = 300;
    private const string Channel = "discord:1";
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task HostileNamesAndShareSource_NothingInAnyDiscordOrSlackPayloadIsLive()
    {
        var template = File.ReadAllText(Paths.SharedFeedFile("Local_Test_result_Thurrock_1.xml"));
        var read = 0;
        for (var seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            var council = HostileText.Next(random, 4).Trim();
            var party = HostileText.Next(random, 2).Trim();
            var xml = template
                .Replace("name='Thurrock'", $"name='{SecurityElement.Escape(council)}'", StringComparison.Ordinal)
                .Replace("name='Ind'", $"name='{SecurityElement.Escape(party)}'", StringComparison.Ordinal);
            var content = Encoding.UTF8.GetBytes(xml);
            var outcome = PaFeedParser.Parse(content, "hostile.xml");
            if (outcome.Messages.Count == 0)
            {
                continue; // refused (e.g. a control character XML cannot hold): nothing of it reaches a payload
            }

            read++;
            var (desk, runner, store) = Night();
            using (store)
            {
                foreach (var message in outcome.Messages)
                {
                    desk.Take(new FeedDocument("hostile.xml", content), message);
                }

                var share = await runner.RunAsync($"/share set Lab 34 Con 25 source \"{HostileText.Next(random, 3).Replace("\"", "", StringComparison.Ordinal)}\"", new Caller("console", true), CancellationToken.None);
                var answers = new List<string> { share.Text };
                foreach (var question in new[] { "/council " + council, "/party " + party, "/declared", "/gains", "/scoreboard", "/share", "/" + party })
                {
                    answers.Add((await runner.RunAsync(question, new Caller("U1", false), CancellationToken.None)).Text);
                }

                var problems = new List<string>();
                foreach (var post in store.PendingDeliveries(Channel).Select(d => d.Post))
                {
                    problems.AddRange(DiscordMarkdownProbe.LiveMarkup(OnTheWire(DiscordPostRenderer.Render(post))));
                    problems.AddRange(SlackPayloadProbe.LiveMarkup(SlackPostRenderer.Render(post).ToJson("C1")));
                }

                foreach (var answer in answers)
                {
                    problems.AddRange(DiscordMessageText.Split(answer).SelectMany(m => DiscordMarkdownProbe.LiveMarkup(OnTheWire(DiscordMessageText.Body(m)))));
                    problems.AddRange(SlackPayloadProbe.LiveMarkup(SlackCommandAnswerRenderer.Render(new CommandAnswer(answer), inChannel: true).ToJson()));
                }

                Assert.True(problems.Count == 0, $"seed {seed} (council \"{council}\", party \"{party}\"): {string.Join("; ", problems)}");
            }
        }

        Assert.True(read > Cases / 2, $"only {read} of {Cases} hostile files were read: the test did not reach the renderers");
    }

    private static (ResultsDesk Desk, CommandRunner Runner, InMemoryResultsStore Store) Night()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero));
        var store = new InMemoryResultsStore(time);
        var subscriptions = new ChannelSubscriptions(store);
        subscriptions.Subscribe(Channel, SubscriptionFilter.Everything, "config", "test");
        var dispatcher = new PostDispatcher(store, [], subscriptions, new DigestComposer(Culture), time);
        var desk = new ResultsDesk(store, new DeclarationPostComposer(Culture), new MilestoneComposer(Culture), subscriptions, time, Culture, NullLogger<ResultsDesk>.Instance);
        var runner = new CommandRunner(new CommandEngine(Culture, time), desk, dispatcher, subscriptions, time, Culture, NullLogger<CommandRunner>.Instance);
        return (desk, runner, store);
    }

    /// <summary>The message as the JSON Discord receives, for the probe that reads JSON.</summary>
    private static System.Text.Json.Nodes.JsonObject OnTheWire(ResultsBot.Discord.Wire.DiscordMessage message) =>
        System.Text.Json.Nodes.JsonNode.Parse(message.ToJsonString())!.AsObject();
}
