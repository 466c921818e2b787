using System.Globalization;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;
using ResultsBot.Domain.Commands;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Interactions;

/// <summary>
/// Maps one Discord interaction (from the Gateway or the Interactions Endpoint) to the bot and back:
/// slash command → engine text → answer (type 4, or type 5 then an edit of @original when the answer takes
/// longer than <see cref="DeferAfter"/>; a long one in pages with Previous/Next), a button pressed → its answer
/// (DiscordInteractionHandler.Buttons.cs), autocomplete → up to 25 choices, PING → PONG.
/// </summary>
public sealed partial class DiscordInteractionHandler
{
    private const int Ping = 1;
    private const int ApplicationCommand = 2;
    private const int MessageComponent = 3;
    private const int Autocomplete = 4;
    private const ulong Administrator = 1UL << 3;
    private const ulong ManageChannels = 1UL << 4;

    private readonly IBotCommands _commands;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordInteractionHandler> _logger;
    private readonly DiscordCallbacks _api;
    private readonly HashSet<string> _admins;

    /// <param name="adminUserIds">Discord user ids that are admins wherever they are (members with Manage Channels only manage their channel).</param>
    public DiscordInteractionHandler(
        DiscordOptions options,
        HttpClient http,
        IBotCommands commands,
        TimeProvider time,
        IPlatformMonitor monitor,
        ILogger<DiscordInteractionHandler> logger,
        IEnumerable<string>? adminUserIds = null)
    {
        _commands = commands;
        _time = time;
        _logger = logger;
        _api = new DiscordCallbacks(http, options, time, monitor, logger);
        _admins = new HashSet<string>(adminUserIds ?? [], StringComparer.Ordinal);
    }

    /// <summary>How long an answer may take before the interaction is deferred (Discord allows 3 s for the first response).</summary>
    public TimeSpan DeferAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Handles an interaction that came over the Gateway: the response goes to POST /interactions/{id}/{token}/callback.</summary>
    internal Task HandleFromGatewayAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        var id = interaction.Id;
        var token = interaction.Token;
        return HandleAsync(
            interaction,
            (response, ct) => _api.SendAsync(HttpMethod.Post, $"/interactions/{id}/{token}/callback", response, authorised: false, ct),
            cancellationToken,
            (response, files, ct) => _api.SendAsync(HttpMethod.Post, $"/interactions/{id}/{token}/callback", response, authorised: false, ct, files));
    }

    /// <summary>
    /// Handles one interaction. <paramref name="respond"/> sends the initial response (exactly once); what comes
    /// after it (follow-ups, the edit of a deferred answer) goes over REST. Never throws for Discord's refusals: they are logged.
    /// </summary>
    /// <param name="respondWithFiles">
    /// Sends the initial response with files (multipart), where the way it goes can carry them (the callback
    /// endpoint); without it, an answer's picture is added by editing the response once it has gone.
    /// </param>
    internal async Task HandleAsync(
        DiscordInteraction interaction,
        Func<DiscordBody, CancellationToken, Task> respond,
        CancellationToken cancellationToken,
        Func<DiscordBody, IReadOnlyList<DiscordUpload>, CancellationToken, Task>? respondWithFiles = null)
    {
        var type = interaction.Type;
        try
        {
            switch (type)
            {
                case Ping:
                    await respond(InteractionMessages.Response(InteractionMessages.Pong), cancellationToken);
                    break;
                case ApplicationCommand:
                    await AnswerCommandAsync(interaction, respond, respondWithFiles, cancellationToken);
                    break;
                case MessageComponent:
                    await AnswerPressAsync(interaction, respond, cancellationToken);
                    break;
                case Autocomplete:
                    await respond(Suggest(interaction), cancellationToken);
                    break;
                default:
                    _logger.LogDebug("Ignored Discord interaction of type {Type}", type);
                    break;
            }
        }
        catch (DiscordCallException e)
        {
            _logger.LogWarning("Discord refused our answer to an interaction: {Problem}", e.Message);
        }
        catch (HttpRequestException e)
        {
            _logger.LogWarning("Could not reach Discord to answer an interaction: {Problem}", e.Message);
        }
    }

    private async Task AnswerCommandAsync(
        DiscordInteraction interaction,
        Func<DiscordBody, CancellationToken, Task> respond,
        Func<DiscordBody, IReadOnlyList<DiscordUpload>, CancellationToken, Task>? respondWithFiles,
        CancellationToken cancellationToken)
    {
        var data = interaction.Data;
        var name = data?.Name ?? "";
        var spec = CommandCatalogue.All.FirstOrDefault(c => c.Name == name);
        if (spec is null)
        {
            var unknown = InteractionMessages.Message($"I don't know /{DiscordMarkdown.Escape(name)}. Try /help.", ephemeral: true);
            await respond(InteractionMessages.Response(InteractionMessages.ChannelMessage, unknown), cancellationToken);
            return;
        }

        var values = OptionValues(data);
        var request = new CommandRequest(
            spec.ToInput(option => values.GetValueOrDefault(option)),
            CallerOf(interaction),
            new ChannelAddress("discord", ChannelOf(interaction)))
        {
            AnnouncementChannel = interaction.Channel?.Type is { } type ? type == DiscordChannel.AnnouncementType : null,
        };

        var answering = RunAsync(request, cancellationToken);
        // Most answers are ready at once: no deferral timer for those (one fewer timer per command in a burst).
        var deferred = !answering.IsCompleted && await DeadlinePassesFirstAsync(answering, cancellationToken);
        if (deferred)
        {
            // Acknowledge now so the 3-second deadline is met whatever the answer costs; the answer then edits @original.
            await respond(InteractionMessages.Response(InteractionMessages.DeferredChannelMessage), cancellationToken);
        }

        var (answer, pictures) = await answering;
        // The answer repeats feed and typed text: escaped here, at the boundary, so none of it formats or links.
        // One splitter for every Discord message: the same cuts as a post's notes (line ends, then spaces, never inside an emoji or an escape).
        var parts = string.IsNullOrWhiteSpace(answer.Text) ? [""] : DiscordMessageText.Split(answer.Text);
        var ephemeral = !answer.Ok;
        var original = OriginalPath(interaction);
        var followUps = FollowUpPath(interaction);
        // A long answer that can be asked again goes as pages with Previous/Next, not as a run of messages.
        var paged = !ephemeral && parts.Count > 1 && ButtonIds.CanPage(request.Text) && ButtonIds.Page(parts.Count, request.Text) is not null;
        var first = paged ? InteractionMessages.Page(parts[0], 1, parts.Count, request.Text) : InteractionMessages.Message(parts[0], ephemeral);
        var rest = paged ? [] : parts.Skip(1);
        var pictureToAdd = pictures;
        if (deferred && ephemeral)
        {
            // A deferred response is public and cannot become ephemeral: remove it and say the problem privately.
            await _api.SendAsync(HttpMethod.Delete, original, null, authorised: false, cancellationToken);
            rest = parts;
        }
        else if (deferred)
        {
            await WithPictureElseTextAsync(
                () => _api.SendAsync(HttpMethod.Patch, original, DiscordBody.Of(pictures.AddTo(first)), authorised: false, cancellationToken, pictures.Files),
                () => _api.SendAsync(HttpMethod.Patch, original, DiscordBody.Of(first), authorised: false, cancellationToken));
            pictureToAdd = DiscordAttachments.None;
        }
        else if (pictures.Files.Count > 0 && respondWithFiles is not null)
        {
            await WithPictureElseTextAsync(
                () => respondWithFiles(InteractionMessages.Response(InteractionMessages.ChannelMessage, pictures.AddTo(first)), pictures.Files, cancellationToken),
                () => respond(InteractionMessages.Response(InteractionMessages.ChannelMessage, first), cancellationToken));
            pictureToAdd = DiscordAttachments.None;
        }
        else
        {
            await respond(InteractionMessages.Response(InteractionMessages.ChannelMessage, first), cancellationToken);
        }

        foreach (var part in rest)
        {
            await _api.SendAsync(HttpMethod.Post, followUps, DiscordBody.Of(InteractionMessages.Message(part, ephemeral)), authorised: false, cancellationToken);
        }

        if (pictureToAdd.Files.Count > 0)
        {
            // The response went as text (an Interactions Endpoint answers in its HTTP response): the picture joins it by an edit.
            await WithPictureElseTextAsync(
                () => _api.SendAsync(HttpMethod.Patch, original, DiscordBody.Of(pictureToAdd.AddTo(new DiscordMessage())), authorised: false, cancellationToken, pictureToAdd.Files),
                () => Task.CompletedTask);
        }
    }

    /// <summary>
    /// Sends the answer with its picture; when Discord refuses that request (a 4xx: too big, a bad upload), the
    /// answer goes as text alone, since a refused request is as if never made. The text never waits on a picture.
    /// </summary>
    private async Task WithPictureElseTextAsync(Func<Task> withPicture, Func<Task> textOnly)
    {
        try
        {
            await withPicture();
        }
        catch (DiscordCallException e) when (e.Status is >= 400 and < 500)
        {
            _logger.LogWarning("Discord refused an answer's picture ({Problem}); the answer goes without it", e.Message);
            await textOnly();
        }
    }

    /// <summary>The interaction's first response (or, for a button press answered by updating, the message the button is on).</summary>
    private string OriginalPath(DiscordInteraction interaction) => FollowUpPath(interaction) + "/messages/@original";

    private string FollowUpPath(DiscordInteraction interaction)
    {
        var app = interaction.ApplicationId is { Length: > 0 } appId ? appId : _api.ApplicationId;
        return $"/webhooks/{app}/{interaction.Token}";
    }

    private async Task<bool> DeadlinePassesFirstAsync(Task answering, CancellationToken cancellationToken)
    {
        using var deferTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(DeferAfter, _time, deferTimer.Token);
        var first = await Task.WhenAny(answering, deadline);
        await deferTimer.CancelAsync();
        return first != answering;
    }

    /// <summary>The answer and, for one that asks for a picture (/map, /chamber, /chart), the picture as attachments.</summary>
    private async Task<(CommandAnswer Answer, DiscordAttachments Pictures)> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        CommandAnswer answer;
        try
        {
            answer = await _commands.RunAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The contract says RunAsync never throws; if it does, the user still gets an answer.
            _logger.LogError(e, "A command failed while answering Discord");
            return (CommandAnswer.Problem("Sorry, something went wrong answering that. Please try again."), DiscordAttachments.None);
        }

        return (answer, answer.Ok ? Picture(answer.Picture) : DiscordAttachments.None);
    }

    private DiscordAttachments Picture(PictureRequest? request)
    {
        if (request is null || _commands.DrawPicture(request) is not { } image)
        {
            return DiscordAttachments.None;
        }

        var pictures = DiscordAttachments.From([image]);
        foreach (var tooBig in pictures.LeftOut)
        {
            _logger.LogWarning("The {Kind} picture is {Bytes} bytes, over Discord's upload limit; the answer goes without it", request.Kind, tooBig.Png.Length);
        }

        return pictures;
    }

    private DiscordBody Suggest(DiscordInteraction interaction)
    {
        var data = interaction.Data;
        var spec = CommandCatalogue.All.FirstOrDefault(c => c.Name == (data?.Name ?? ""));
        var focused = data?.Options?.FirstOrDefault(o => o.Focused == true);
        var option = spec?.Options.FirstOrDefault(o => o.Name == (focused?.Name ?? ""));
        if (option?.Completes is null)
        {
            return InteractionMessages.Choices([]);
        }

        return InteractionMessages.Choices(_commands.Complete(option.Completes, focused?.Text ?? ""));
    }

    private static Dictionary<string, string> OptionValues(DiscordInteractionData? data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in data?.Options ?? [])
        {
            values[option.Name ?? ""] = option.Text;
        }

        return values;
    }

    private Caller CallerOf(DiscordInteraction interaction)
    {
        var member = interaction.Member;
        var id = (member?.User ?? interaction.User)?.Id ?? "";
        var permissions = ulong.TryParse(member?.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) ? bits : 0;
        // Manage Channels in a guild says nothing about the bot's other servers: anyone can hold it in a
        // server of their own. So it only manages this channel; global commands need the Admins setting.
        var managesChannel = (permissions & (ManageChannels | Administrator)) != 0;
        return new Caller(id.Length == 0 ? Caller.Anonymous.Id : id, _admins.Contains(id), managesChannel);
    }

    private static string ChannelOf(DiscordInteraction interaction) =>
        interaction.ChannelId is { Length: > 0 } id ? id : interaction.Channel?.Id ?? "";
}
