using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Benchmarks;

/// <summary>
/// `fake-platforms [--arrivals]`: the rate-limit-enforcing Discord fake (REST and interactions) and the
/// Slack Web API fake in one process, for contenders that run out of process (the bot, the node SDKs).
/// Prints "url http://127.0.0.1:PORT", then answers lines on stdin: "stats" prints one JSON line of
/// counts; end of input stops it.
/// </summary>
internal static class FakePlatformsHost
{
    public const string DiscordToken = "bench-discord-token";
    public const string ApplicationId = "1100000000000000001";

    public static async Task<int> RunAsync(bool arrivals)
    {
        var discord = new FakeDiscordRest(DiscordToken);
        var interactions = new FakeDiscordInteractions { BotToken = DiscordToken, ApplicationId = ApplicationId };
        var slack = new FakeSlackWebApi();
        IFakeRoutes[] parts = arrivals ? [new ArrivalLog(Console.Out), discord, interactions, slack] : [discord, interactions, slack];
        await using var server = await FakeServer.StartAsync(parts);
        Console.WriteLine("url " + server.BaseUrl);
        Console.Out.Flush();
        while (await Console.In.ReadLineAsync() is { } line)
        {
            if (line.Trim() == "stats")
            {
                var all = discord.AllMessages;
                var stats = new JsonObject
                {
                    ["requests"] = discord.RequestCount,
                    ["rateLimited"] = discord.RateLimitedCount,
                    ["unauthorized"] = discord.UnauthorizedCount,
                    ["rejections"] = discord.Rejections.Count,
                    ["channels"] = all.Count,
                    ["messages"] = all.Values.Sum(m => m.Count),
                    ["channelsWithOne"] = all.Values.Count(m => m.Count == 1),
                };
                Console.WriteLine("stats " + stats.ToJsonString());
                Console.Out.Flush();
            }
        }

        return 0;
    }
}
