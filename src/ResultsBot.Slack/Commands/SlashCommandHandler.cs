using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Platforms;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// Answers <c>/results …</c> for both transports (the HTTP endpoint and Socket Mode). Slack wants an
/// acknowledgement within 3 seconds: an answer ready within <see cref="DirectAnswerWindow"/> goes in it;
/// a slower one is acknowledged empty and posted to the command's response_url when ready.
/// </summary>
public sealed class SlashCommandHandler
{
    public static TimeSpan DefaultDirectAnswerWindow { get; } = TimeSpan.FromSeconds(2);

    private readonly IBotCommands _commands;
    private readonly ResponseUrlPoster _responseUrl;
    private readonly ILogger _logger;

    /// <param name="http">Used only to post late answers to response_url.</param>
    /// <param name="directAnswerWindow">How long to wait for an answer before acknowledging empty (default 2 s, under Slack's 3).</param>
    public SlashCommandHandler(SlackOptions options, IBotCommands commands, HttpClient http, TimeProvider time, ILogger<SlashCommandHandler> logger, TimeSpan? directAnswerWindow = null)
    {
        Options = options;
        Time = time;
        _commands = commands;
        _logger = logger;
        _responseUrl = new ResponseUrlPoster(http, logger);
        DirectAnswerWindow = directAnswerWindow ?? DefaultDirectAnswerWindow;
    }

    public TimeSpan DirectAnswerWindow { get; }

    internal SlackOptions Options { get; }

    internal TimeProvider Time { get; }

    /// <summary>The answer if it is ready within the window; otherwise null, and the answer follows at response_url.</summary>
    internal async Task<SlackCommandResponse?> AnswerAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var (text, inChannel) = ResultsCommandText.Parse(command.Text);
        var caller = new Caller(command.UserId, Options.Admins.Contains(command.UserId));
        var request = new CommandRequest(text, caller, new ChannelAddress("slack", command.ChannelId));

        // The window's timer starts before the command does, so a test clock moved once the command runs moves it too.
        using var windowCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = Task.Delay(DirectAnswerWindow, Time, windowCancel.Token);
        var answering = RunAsync(request, inChannel);
        if (await Task.WhenAny(answering, window) == answering)
        {
            await windowCancel.CancelAsync();
            return await answering;
        }

        _logger.LogDebug("A Slack command took longer than {Window}; its answer will follow at response_url", DirectAnswerWindow);
        _ = FollowUpAsync(answering, command.ResponseUrl);
        return null;
    }

    internal Task<bool> SendToResponseUrlAsync(string? responseUrl, SlackCommandResponse response) =>
        _responseUrl.PostAsync(responseUrl, response, CancellationToken.None);

    private async Task<SlackCommandResponse> RunAsync(CommandRequest request, bool inChannel)
    {
        // Yield first, so a command that blocks its caller still leaves the window running.
        await Task.Yield();
        CommandAnswer answer;
        try
        {
            // Not cancelled with the request: Slack may have been answered empty and still waits at response_url.
            answer = await _commands.RunAsync(request, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A Slack command failed");
            answer = CommandAnswer.Problem("Sorry, something went wrong answering that. Please try again in a minute.");
        }

        return SlackAnswerRenderer.Render(answer, inChannel);
    }

    private async Task FollowUpAsync(Task<SlackCommandResponse> answering, string? responseUrl)
    {
        var response = await answering;
        await _responseUrl.PostAsync(responseUrl, response, CancellationToken.None);
    }
}
