using System.Text;
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
/// Slash commands over HTTP (Slack:Mode = Http): Slack POSTs the command, form-encoded and signed, to
/// this path on the bot's web server. Unsigned, wrongly signed or stale requests get 401; a signed request
/// sent again within the signature's window gets an empty 200 and runs nothing.
/// </summary>
public static class SlackCommandEndpoint
{
    public const string DefaultPath = "/slack/commands";

    /// <summary>Slack's slash command bodies are a few hundred bytes; anything far bigger is not from Slack.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Maps <c>POST /slack/commands</c>. Needs Slack:SigningSecret.</summary>
    public static IEndpointConventionBuilder MapSlackCommands(this IEndpointRouteBuilder endpoints, SlashCommandHandler handler, string path = DefaultPath)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var secret = handler.Options.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException("Slack:SigningSecret is required to take slash commands over HTTP (Slack:Mode = Http).");
        }

        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(typeof(SlackCommandEndpoint).FullName!);
        var replays = new ReplayGuard(2 * SlackRequestSignature.MaxAge, handler.Time);
        return endpoints.MapPost(path, (RequestDelegate)(context => HandleAsync(context, handler, secret, replays, logger)));
    }

    private static async Task HandleAsync(HttpContext context, SlashCommandHandler handler, string secret, ReplayGuard replays, ILogger? logger)
    {
        if (await ReadSignedOnceAsync(context, secret, handler.Time, replays, logger, "command") is not { } body)
        {
            return;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (form.TryGetValue("ssl_check", out var sslCheck) && sslCheck == "1")
        {
            // Slack checking our certificate, not a command: 200 is the whole answer.
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var command = SlashCommand.FromForm(form);
        if (command is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var response = await handler.AnswerAsync(command, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (response is not null)
        {
            if (response.Picture is not null)
            {
                // Once Slack has the answer, its picture follows at response_url.
                context.Response.OnCompleted(() =>
                {
                    _ = handler.SendPictureAsync(command.ResponseUrl, response, command.TeamId);
                    return Task.CompletedTask;
                });
            }

            await context.Response.WriteAsJsonAsync(response, SlackJsonContext.Default.SlackCommandResponse, cancellationToken: context.RequestAborted);
        }
    }

    /// <summary>
    /// The body of a request Slack signed, taken once; null when it is refused, with the answer set: 413 when too big,
    /// 401 when unsigned, wrongly signed or stale, an empty 200 when the same signed request comes again.
    /// </summary>
    /// <param name="kind">What the request is, for the log ("command", "interactivity").</param>
    internal static async Task<byte[]?> ReadSignedOnceAsync(HttpContext context, string secret, TimeProvider time, ReplayGuard replays, ILogger? logger, string kind)
    {
        var body = await ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        var headers = context.Request.Headers;
        if (!SlackRequestSignature.IsValid(secret, headers[SlackRequestSignature.TimestampHeader], headers[SlackRequestSignature.SignatureHeader], body, time.GetUtcNow()))
        {
            logger?.LogWarning("Refused a Slack {Kind} request with a missing, wrong or stale signature", kind);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        // A valid signature proves Slack sent this body once, not that it is sent only once: the same request
        // sent again while its timestamp is still accepted is answered with nothing and runs nothing.
        if (!replays.FirstTime(headers[SlackRequestSignature.SignatureHeader].ToString()))
        {
            logger?.LogWarning("Ignored a Slack {Kind} request sent again with the same signature (a replay)", kind);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return null;
        }

        return body;
    }

    internal static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

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
