using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.Commands;

namespace ResultsBot.Slack.Tests;

public class RequestSigningTests
{
    // Slack's worked example from "Verifying requests from Slack" (docs.slack.dev / api.slack.com).
    private const string DocsSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocsTimestamp = "1531420618";
    private const string DocsBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocsSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset DocsTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Compute_DocsWorkedExample_GivesSlacksSignature()
    {
        Assert.Equal(DocsSignature, SlackRequestSignature.Compute(DocsSecret, DocsTimestamp, Encoding.UTF8.GetBytes(DocsBody)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    [InlineData(-300)]
    public void IsValid_DocsExampleWithinFiveMinutes_Accepted(int secondsLater)
    {
        Assert.True(SlackRequestSignature.IsValid(DocsSecret, DocsTimestamp, DocsSignature, Encoding.UTF8.GetBytes(DocsBody), DocsTime.AddSeconds(secondsLater)));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void IsValid_StaleOrFutureTimestamp_Refused(int secondsLater)
    {
        Assert.False(SlackRequestSignature.IsValid(DocsSecret, DocsTimestamp, DocsSignature, Encoding.UTF8.GetBytes(DocsBody), DocsTime.AddSeconds(secondsLater)));
    }

    [Theory]
    [InlineData(DocsSecret, DocsTimestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504", DocsBody)]
    [InlineData("another-secret", DocsTimestamp, DocsSignature, DocsBody)]
    [InlineData(DocsSecret, DocsTimestamp, DocsSignature, DocsBody + "&text=x")]
    [InlineData(DocsSecret, "1531420619", DocsSignature, DocsBody)]
    [InlineData(DocsSecret, null, DocsSignature, DocsBody)]
    [InlineData(DocsSecret, DocsTimestamp, null, DocsBody)]
    [InlineData(DocsSecret, "15314x0618", DocsSignature, DocsBody)]
    [InlineData(DocsSecret, DocsTimestamp, "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", DocsBody)]
    public void IsValid_AnythingChanged_Refused(string secret, string? timestamp, string? signature, string body)
    {
        Assert.False(SlackRequestSignature.IsValid(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), DocsTime));
    }

    [Fact]
    public void FakesSigner_AgreesWithTheDocsToo()
    {
        Assert.Equal(DocsSignature, FakeSlackSlashCommandRequest.Sign(DocsSecret, DocsTimestamp, DocsBody));
    }

    [Fact]
    public async Task Endpoint_BadStaleOrMissingSignature_401AndNothingRuns()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-05-07T23:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var commands = new FakeBotCommands();
        await using var bot = await SlackCommandEndpointHost.StartAsync(commands, time);
        using var http = new HttpClient();
        var command = new FakeSlackSlashCommand("council Birmingham");
        var responseUrl = new Uri("https://hooks.slack.com/commands/T0/1/abc");

        using var wrongSecret = FakeSlackSlashCommandRequest.Create(bot.Endpoint, "not-the-secret", time.GetUtcNow(), command, responseUrl);
        using var stale = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, time.GetUtcNow().AddSeconds(-301), command, responseUrl);
        using var unsigned = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, time.GetUtcNow(), command, responseUrl);
        unsigned.Headers.Remove("X-Slack-Signature");
        using var noTimestamp = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, time.GetUtcNow(), command, responseUrl);
        noTimestamp.Headers.Remove("X-Slack-Request-Timestamp");
        using var tampered = FakeSlackSlashCommandRequest.Create(bot.Endpoint, TestOptions.SigningSecret, time.GetUtcNow(), command, responseUrl);
        tampered.Content = new StringContent((await tampered.Content!.ReadAsStringAsync()).Replace("Birmingham", "Bromsgrove", StringComparison.Ordinal), Encoding.UTF8, "application/x-www-form-urlencoded");

        foreach (var request in new[] { wrongSecret, stale, unsigned, noTimestamp, tampered })
        {
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Empty(commands.Requests);
    }

    [Fact]
    public void MapSlackCommands_WithoutSigningSecret_FailsAtStart()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();
        var options = TestOptions.For(new Uri("http://127.0.0.1")) with { SigningSecret = null };
        using var http = new HttpClient();
        var handler = new SlashCommandHandler(options, new FakeBotCommands(), http, TimeProvider.System, NullLogger<SlashCommandHandler>.Instance);

        var error = Assert.Throws<InvalidOperationException>(() => app.MapSlackCommands(handler));
        Assert.Contains("Slack:SigningSecret", error.Message, StringComparison.Ordinal);
    }
}
