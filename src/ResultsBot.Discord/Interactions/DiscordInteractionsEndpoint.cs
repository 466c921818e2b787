using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Interactions;

/// <summary>
/// The Interactions Endpoint: Discord POSTs signed interactions to the bot's web server. The response to
/// the interaction is the HTTP response itself; a deferred answer is then edited in over REST.
/// </summary>
public static class DiscordInteractionsEndpoint
{
    public const string DefaultPath = "/discord/interactions";

    private const int MaxBodyBytes = 1 << 20;

    /// <summary>Maps POST <paramref name="path"/>. Throws at start-up when Discord:PublicKey is missing or malformed.</summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(
        this IEndpointRouteBuilder endpoints,
        DiscordInteractionHandler handler,
        DiscordOptions options,
        TimeProvider time,
        string path = DefaultPath)
    {
        var signature = new InteractionSignature(options.PublicKey ?? throw new InvalidOperationException("Discord:PublicKey is needed for the Interactions Endpoint"));
        // A RequestDelegate, not a handler lambda: no minimal-API binding per request on the busiest path.
        var replays = new ReplayGuard(2 * InteractionSignature.MaxAge, time);
        return endpoints.MapPost(path, (RequestDelegate)(context => AnswerAsync(context, handler, signature, replays, time)));
    }

    private static async Task AnswerAsync(HttpContext context, DiscordInteractionHandler handler, InteractionSignature signature, ReplayGuard replays, TimeProvider time)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var headers = context.Request.Headers;
        if (!signature.IsValid(headers["X-Signature-Ed25519"], headers["X-Signature-Timestamp"], body, time.GetUtcNow()))
        {
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "text/plain; charset=utf-8", "invalid request signature");
            return;
        }

        DiscordInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordInteraction);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Discord sends each interaction once, and its id is in the signed body: the same id again while the
        // signature is still accepted is a replay, refused before it runs anything.
        var id = interaction.Id ?? headers["X-Signature-Ed25519"].ToString();
        if (!replays.FirstTime(id))
        {
            await WriteAsync(context, StatusCodes.Status409Conflict, "text/plain; charset=utf-8", "interaction already received");
            return;
        }

        // The handler goes on after the first response (follow-ups, editing a deferred answer), so it is
        // not tied to this request: only the host stopping cancels it.
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        var first = new TaskCompletionSource<DiscordBody>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Response.OnCompleted(() =>
        {
            sent.TrySetResult();
            return Task.CompletedTask;
        });
        var handling = handler.HandleAsync(
            interaction,
            (response, _) =>
            {
                first.TrySetResult(response);
                // Follow-ups and edits of @original only make sense once Discord has the response: wait for it to go out.
                return sent.Task;
            },
            stopping);
        await Task.WhenAny(first.Task, handling);
        if (!first.Task.IsCompleted)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, "application/json", (await first.Task).Json);
    }

    private static Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
