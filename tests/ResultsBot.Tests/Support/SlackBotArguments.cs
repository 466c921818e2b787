using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Tests.Support;

/// <summary>The command line of a bot reading a test feed into a fresh database and posting to the fake Slack, in either mode.</summary>
internal static class SlackBotArguments
{
    /// <summary>HTTP mode: commands and presses signed with <paramref name="signingSecret"/>, the web server on <paramref name="port"/>.</summary>
    public static string[] Http(FakeServer server, TempDirectory feed, TempDirectory work, string signingSecret, int port) =>
    [
        .. Common(server, feed, work),
        "--Slack:Mode=Http",
        "--Slack:SigningSecret=" + signingSecret,
        $"--urls=http://127.0.0.1:{port}",
    ];

    /// <summary>Socket Mode, connecting to <paramref name="socket"/>.</summary>
    public static string[] SocketMode(FakeServer server, TempDirectory feed, TempDirectory work, FakeSlackSocketMode socket) =>
        [.. Common(server, feed, work), "--Slack:AppToken=" + socket.AppToken];

    private static string[] Common(FakeServer server, TempDirectory feed, TempDirectory work) =>
    [
        "--Feed:Source=" + feed.Path,
        "--Feed:PollInterval=100ms",
        "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
        "--Slack:BotToken=" + FakeSlackWebApi.DefaultToken,
        "--Slack:ApiBaseUrl=" + new Uri(server.BaseUrl, "/api/"),
    ];
}
