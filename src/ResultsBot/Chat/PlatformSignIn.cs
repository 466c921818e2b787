using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Rest;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Chat;

/// <summary>
/// Asks each platform who the bot is as it starts (Discord GET /users/@me, Slack auth.test). A wrong or reset
/// token is then reported in the first second rather than at the first result; and the connection and code
/// the first post will use are ready before it (the first declaration reached Discord ~160 ms later without).
/// Runs beside start-up: a platform that is slow to answer does not hold the bot back.
/// </summary>
internal sealed class PlatformSignIn(DiscordRestClient? discord, SlackWebApiClient? slack, ILogger<PlatformSignIn> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => Task.WhenAll(DiscordAsync(_stopping.Token), SlackAsync(_stopping.Token)), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task DiscordAsync(CancellationToken cancellationToken)
    {
        if (discord is null)
        {
            return;
        }

        try
        {
            var me = await discord.SendAsync(HttpMethod.Get, "users/@me", null, cancellationToken);
            if (me.IsSuccess)
            {
                var user = me.Json() as JsonObject;
                logger.LogInformation("Discord: signed in as {Name} ({Id})", user?["username"]?.ToString(), user?["id"]?.ToString());
            }
            else if (me.Status == HttpStatusCode.Unauthorized)
            {
                logger.LogError("Discord refused the bot token (401): check Discord:BotToken (Developer Portal → Bot → Reset Token); nothing can be posted until it is right");
            }
            else
            {
                logger.LogWarning("Discord did not say who the bot is: {Status} {Error}", (int)me.Status, me.ErrorText);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            logger.LogWarning("Could not reach Discord to check the bot token: {Problem}", e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task SlackAsync(CancellationToken cancellationToken)
    {
        if (slack is null)
        {
            return;
        }

        try
        {
            var me = await slack.CallAsync("auth.test", [], cancellationToken);
            if (me.Ok)
            {
                logger.LogInformation("Slack: signed in as {Name} in {Team}", Text(me.Body, "user"), Text(me.Body, "team"));
            }
            else if (me.Kind == SlackErrorKind.Auth)
            {
                logger.LogError("Slack refused the bot token ({Error}): check Slack:BotToken (the xoxb- token under OAuth & Permissions); nothing can be posted until it is right", me.Error);
            }
            else
            {
                logger.LogWarning("Slack did not say who the bot is: {Error}", me.Error);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or SlackUnavailableException)
        {
            logger.LogWarning("Could not reach Slack to check the bot token: {Problem}", e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
