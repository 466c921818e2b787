using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ResultsBot.Platforms;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.OAuth;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.AppHome;

/// <summary>
/// The Events API over HTTP (Slack:Mode = Http): Slack POSTs events, JSON and signed, to this path. The Request URL
/// check (url_verification) is answered with its challenge; app_home_opened for the Home tab is answered 200 at once
/// and the tab published after, in the workspace the callback's team_id names (Slack wants the answer within 3
/// seconds, and retries otherwise); other events get 200
/// and nothing more. Unsigned, wrongly signed or stale requests get 401; one sent again with the same signature, 200
/// and nothing more.
/// </summary>
internal static class SlackEventsEndpoint
{
    public const string DefaultPath = "/slack/events";

    /// <summary>An event callback is a few kilobytes; anything far bigger is not from Slack.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    /// <param name="home">The Home tab, where one is kept (null: app_home_opened is acknowledged and nothing more).</param>
    /// <param name="lifecycle">With many workspaces: their uninstalls and revoked tokens come here too (one Request URL per app).</param>
    public static IEndpointConventionBuilder MapSlackEvents(this IEndpointRouteBuilder endpoints, SlackAppHome? home, string secret, TimeProvider time, ILogger logger, SlackLifecycleEvents? lifecycle = null)
    {
        var replays = new ReplayGuard(2 * SlackRequestSignature.MaxAge, time);
        return endpoints.MapPost(DefaultPath, (RequestDelegate)(context => HandleAsync(context, home, lifecycle, secret, time, replays, logger)));
    }

    private static async Task HandleAsync(HttpContext context, SlackAppHome? home, SlackLifecycleEvents? lifecycle, string secret, TimeProvider time, ReplayGuard replays, ILogger logger)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        if (body.Length > MaxBodyBytes || !SlackRequestSignature.IsValid(secret, headers[SlackRequestSignature.TimestampHeader], headers[SlackRequestSignature.SignatureHeader], body, time.GetUtcNow()))
        {
            logger.LogWarning("Refused a Slack event request with a missing, wrong or stale signature");
            context.Response.StatusCode = body.Length > MaxBodyBytes ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status401Unauthorized;
            return;
        }

        if (!replays.FirstTime(headers[SlackRequestSignature.SignatureHeader].ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        EventsApiPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(body, SlackJsonContext.Default.EventsApiPayload);
        }
        catch (JsonException)
        {
            payload = null;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (payload is { Type: "url_verification", Challenge: { } challenge })
        {
            await context.Response.WriteAsync(challenge, context.RequestAborted);
            return;
        }

        if (payload is not null && lifecycle?.Handle(payload) == true)
        {
            // Uninstalled or its token revoked: the workspace's Home tab viewers go with its token.
            if (payload.TeamId is { } team)
            {
                home?.ForgetWorkspace(team);
            }

            return;
        }

        if (home is not null && payload?.Event is { Type: "app_home_opened", Tab: "home", User: { Length: > 0 } user })
        {
            var stopping = context.RequestServices.GetService(typeof(Microsoft.Extensions.Hosting.IHostApplicationLifetime)) is Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime
                ? lifetime.ApplicationStopping
                : CancellationToken.None;
            // The team says whose token publishes it (with many workspaces; one workspace has one token anyway).
            var teamId = payload.TeamId;
            context.Response.OnCompleted(() =>
            {
                _ = home.OpenedInBackgroundAsync(teamId, user, stopping);
                return Task.CompletedTask;
            });
        }
    }
}
