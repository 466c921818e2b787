using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using ResultsBot.Operations;
using ResultsBot.Slack.Commands;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.OAuth;

/// <summary>
/// <c>POST /slack/events</c> (the app's Events API request URL), signed like commands: answers Slack's url_verification,
/// and on <c>app_uninstalled</c> or a <c>tokens_revoked</c> that names the bot forgets that workspace — its token is
/// deleted and its channels get nothing more; the other workspaces carry on. Every other event is acknowledged and ignored.
/// </summary>
internal sealed class SlackLifecycleEvents(SlackOptions options, SlackWorkspaces workspaces, TimeProvider time, ILogger<SlackLifecycleEvents> logger) : IWebEndpoints
{
    public const string Path = "/slack/events";

    /// <summary>Event bodies are small; anything far bigger is not from Slack.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Path, (RequestDelegate)HandleAsync);

    public override string ToString() => "POST " + Path;

    private async Task HandleAsync(HttpContext context)
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
        if (body.Length > MaxBodyBytes
            || !SlackRequestSignature.IsValid(options.SigningSecret ?? "", headers[SlackRequestSignature.TimestampHeader], headers[SlackRequestSignature.SignatureHeader], body, time.GetUtcNow()))
        {
            logger.LogWarning("Refused a Slack event with a missing, wrong or stale signature");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        EventsRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(body, SlackJsonContext.Default.EventsRequest);
        }
        catch (JsonException)
        {
            request = null;
        }

        switch (request)
        {
            case { Type: "url_verification", Challenge: { } challenge }:
                await context.Response.WriteAsync(challenge, context.RequestAborted);
                return;
            case { Type: "event_callback", TeamId: { } team, Event.Type: "app_uninstalled" }:
                workspaces.Forget(team, "uninstalled the app");
                break;
            case { Type: "event_callback", TeamId: { } team, Event: { Type: "tokens_revoked", Tokens.Bot.Count: > 0 } }:
                workspaces.Forget(team, "revoked the bot's token");
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
        }

        // Slack retries an event not acknowledged within 3 seconds; forgetting twice is harmless anyway.
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
