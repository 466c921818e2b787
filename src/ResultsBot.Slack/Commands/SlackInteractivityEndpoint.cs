using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResultsBot.Platforms;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// Interactivity over HTTP (Slack:Mode = Http): Slack POSTs each button press to the app's Interactivity Request URL,
/// form-encoded with the interaction as JSON in the field "payload", signed as slash commands are. Verified the same
/// way (unsigned, wrongly signed or stale: 401; sent again within the window: an empty 200 that runs nothing), then
/// acknowledged at once with an empty 200, as Slack wants within 3 seconds; the answer follows at response_url.
/// </summary>
public static class SlackInteractivityEndpoint
{
    public const string DefaultPath = "/slack/interactivity";

    /// <summary>Maps <c>POST /slack/interactivity</c>. Needs Slack:SigningSecret.</summary>
    public static IEndpointConventionBuilder MapSlackInteractivity(this IEndpointRouteBuilder endpoints, SlashCommandHandler handler, string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var secret = handler.Options.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("Slack:SigningSecret is required to take button presses over HTTP (Slack:Mode = Http).");
        }

        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(SlackInteractivityEndpoint).FullName!);
        var replays = new ReplayGuard(2 * SlackRequestSignature.MaxAge, handler.Time);
        return endpoints.MapPost(path, (RequestDelegate)(context => HandleAsync(context, handler, secret, replays, logger)));
    }

    private static async Task HandleAsync(HttpContext context, SlashCommandHandler handler, string secret, ReplayGuard replays, ILogger? logger)
    {
        if (await SlackCommandEndpoint.ReadSignedOnceAsync(context, secret, handler.Time, replays, logger, "interactivity") is not { } body)
        {
            return;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (Read(form.TryGetValue("payload", out var json) ? json.ToString() : null) is not { } payload)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The empty 200 is the acknowledgement; the answer goes to response_url once Slack has it.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.OnCompleted(() =>
        {
            _ = handler.HandleInteractionAsync(payload);
            return Task.CompletedTask;
        });
    }

    private static InteractivePayload? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, SlackJsonContext.Default.InteractivePayload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
