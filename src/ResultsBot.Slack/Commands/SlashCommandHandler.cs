using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Platforms;
using ResultsBot.Slack.Pictures;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Commands;

/// <summary>
/// Answers <c>/results …</c> for both transports (the HTTP endpoint and Socket Mode). Slack wants an
/// acknowledgement within 3 seconds: an answer ready within <see cref="DirectAnswerWindow"/> goes in it;
/// a slower one is acknowledged empty and posted to the command's response_url when ready. A picture the answer
/// asks for follows at response_url (see <see cref="SendPictureAsync"/>). An ephemeral answer to a command that only
/// reads carries a "Share to channel" button (SlashCommandHandler.Share.cs) and, when long, goes a page at a time with
/// Previous and Next; declaration posts carry "Full result" (SlashCommandHandler.Buttons.cs).
/// </summary>
public sealed partial class SlashCommandHandler
{
    public static TimeSpan DefaultDirectAnswerWindow { get; } = TimeSpan.FromSeconds(2);

    private readonly IBotCommands _commands;
    private readonly ResponseUrlPoster _responseUrl;
    private readonly ILogger _logger;
    private readonly SlackWebApiClient? _webApi;
    private readonly SlackPictureUploader? _uploader;

    /// <param name="http">Used only to post late answers to response_url.</param>
    /// <param name="directAnswerWindow">How long to wait for an answer before acknowledging empty (default 2 s, under Slack's 3).</param>
    /// <param name="webApi">Uploads the pictures answers ask for (/map, /chamber, /chart); without it answers go as text alone.</param>
    public SlashCommandHandler(SlackOptions options, IBotCommands commands, HttpClient http, TimeProvider time, ILogger<SlashCommandHandler> logger, TimeSpan? directAnswerWindow = null, SlackWebApiClient? webApi = null)
    {
        Options = options;
        Time = time;
        _commands = commands;
        _logger = logger;
        _responseUrl = new ResponseUrlPoster(http, logger);
        DirectAnswerWindow = directAnswerWindow ?? DefaultDirectAnswerWindow;
        _webApi = webApi;
        _uploader = webApi is null ? null : new SlackPictureUploader(webApi, logger);
    }

    public TimeSpan DirectAnswerWindow { get; }

    internal SlackOptions Options { get; }

    internal TimeProvider Time { get; }

    /// <summary>With Slack:ClientId: the installed workspaces, whose tokens upload an answer's picture in its own workspace.</summary>
    internal OAuth.SlackWorkspaces? Workspaces { get; init; }

    /// <summary>The answer if it is ready within the window; otherwise null, and the answer follows at response_url.</summary>
    internal async Task<SlackCommandResponse?> AnswerAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var (text, inChannel) = ResultsCommandText.Parse(command.Text);
        var caller = new Caller(command.UserId, Options.Admins.Contains(command.UserId));
        // Installed into many workspaces, a channel is kept with its workspace: /subscribe there stores "T…-C…".
        var channel = Options.OAuth is null ? command.ChannelId : new OAuth.WorkspaceChannel(command.TeamId, command.ChannelId).ToString();
        var request = new CommandRequest(text, caller, new ChannelAddress("slack", channel));

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
        _ = FollowUpAsync(answering, command.ResponseUrl, command.TeamId);
        return null;
    }

    internal Task<bool> SendToResponseUrlAsync(string? responseUrl, SlackCommandResponse response) =>
        _responseUrl.PostAsync(responseUrl, response, CancellationToken.None);

    private async Task<SlackCommandResponse> RunAsync(CommandRequest request, bool inChannel)
    {
        var answer = await RunCommandAsync(request);
        // Only a private answer is offered for sharing, and only when running it again would only read.
        var share = !inChannel && answer.Ok && answer.Publish is null && CommandCatalogue.ReadsOnly(request.Text) ? request.Text : null;
        // The same answers can be paged, a press asking for the command again (SlashCommandHandler.Buttons.cs).
        var rendered = share is null ? SlackCommandAnswerRenderer.Render(answer, inChannel) : SlackCommandAnswerRenderer.RenderPage(answer, share, page: 1);
        return rendered with { Picture = answer.Picture };
    }

    private async Task<CommandAnswer> RunCommandAsync(CommandRequest request)
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

        return answer;
    }

    private async Task FollowUpAsync(Task<SlackCommandResponse> answering, string? responseUrl, string teamId)
    {
        var response = await answering;
        if (await _responseUrl.PostAsync(responseUrl, response, CancellationToken.None))
        {
            await SendPictureAsync(responseUrl, response, teamId);
        }
    }

    /// <summary>
    /// The picture an answer asked for, sent to response_url once the answer's text is shown: the text never waits
    /// for drawing and uploading (Slack wants the answer within 3 seconds). The picture is uploaded unshared and shown
    /// by id in an image block, as posts show theirs — response_url works in any channel, bot invited or not, and keeps
    /// an ephemeral answer's picture as private as its text. While Slack is still processing the file (it refuses the
    /// block), it is tried again a few times; then the answer stays text alone.
    /// </summary>
    /// <param name="teamId">The workspace the command came from: with many workspaces, the picture is uploaded with its token.</param>
    internal async Task SendPictureAsync(string? responseUrl, SlackCommandResponse response, string? teamId = null)
    {
        var (webApi, uploader) = Workspaces is null
            ? (_webApi, _uploader)
            : Workspaces.Find(teamId ?? "") is { } workspace ? (workspace.Client, new SlackPictureUploader(workspace.Client, _logger)) : (null, null);
        if (response.Picture is not { } request || uploader is null || webApi is null || responseUrl is null)
        {
            return;
        }

        try
        {
            if (_commands.DrawPicture(request) is not { } image
                || await uploader.UploadAsync([image], "the " + request.Kind.ToString().ToLowerInvariant() + " answer", CancellationToken.None) is not [var uploaded])
            {
                return;
            }

            var block = PictureBlocks.Image(uploaded);
            var picture = new SlackCommandResponse(response.ResponseType, SlackText.Escape(block.AltText), [block]);
            for (var tries = 0; !await _responseUrl.PostAsync(responseUrl, picture, CancellationToken.None); tries++)
            {
                if (tries == webApi.Limits.PictureProcessingTries)
                {
                    _logger.LogWarning("Slack did not take the {Kind} picture at response_url after {Tries} tries: the answer stays text alone", request.Kind, tries + 1);
                    return;
                }

                await Task.Delay(webApi.Limits.PictureProcessingWait, Time);
            }
        }
        catch (Exception e)
        {
            // A picture is extra: whatever went wrong, the answer is already there.
            _logger.LogWarning("The {Kind} picture for a Slack answer failed: {Reason}", request.Kind, e.Message);
        }
    }
}
