using System.Globalization;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Domain.Text;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Ours;
using ResultsBot.Platforms;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Answers a command for any platform and carries out what it enters: an admin's /share set is taken
/// into the desk like a feed message (stored, posted, there after a restart), and /subscribe,
/// /subscriptions and /unsubscribe manage the channel the command was typed in.
/// </summary>
public sealed class CommandRunner(
    CommandEngine engine,
    ResultsDesk desk,
    PostDispatcher dispatcher,
    ChannelSubscriptions subscriptions,
    TimeProvider time,
    CultureInfo culture,
    ILogger<CommandRunner> logger,
    IPostPictures? pictures = null,
    NightReadBack? readBack = null) : IBotCommands
{
    private const string Starting =
        "The bot is starting and still reading tonight's results back from its database; please ask again in a few seconds.";

    private const string AdminsOnly =
        "Only channel admins can change what is posted here (on Discord, members who can manage the channel; on Slack, the bot's configured admins).";

    /// <summary>
    /// The catalogue's commands about the channel itself (they read and change the store, which the domain's engine
    /// cannot); every other command is the engine's. Checked against the catalogue when first used.
    /// </summary>
    private static readonly Dictionary<string, Func<CommandRunner, string, CommandRequest, CommandAnswer>> ChannelRoutes = Checked(new(StringComparer.Ordinal)
    {
        ["subscribe"] = (runner, argument, request) => runner.Subscribe(argument, request),
        ["subscriptions"] = (runner, _, request) => runner.Subscriptions(request),
        ["unsubscribe"] = (runner, _, request) => runner.Unsubscribe(request),
    });

    /// <summary>The commands this runner answers itself rather than the engine.</summary>
    public static IReadOnlyCollection<string> ChannelCommands => ChannelRoutes.Keys;

    private static Dictionary<string, Func<CommandRunner, string, CommandRequest, CommandAnswer>> Checked(Dictionary<string, Func<CommandRunner, string, CommandRequest, CommandAnswer>> routes)
    {
        var expected = CommandCatalogue.All.Where(c => c.AboutTheChannel).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return expected.SetEquals(routes.Keys)
            ? routes
            : throw new InvalidOperationException($"CommandRunner and CommandCatalogue disagree on the channel's commands: [{string.Join(", ", routes.Keys)}] against [{string.Join(", ", expected)}]");
    }

    /// <summary>A command typed at the terminal, whose channel is the console.</summary>
    public Task<CommandAnswer> RunAsync(string input, Caller caller, CancellationToken cancellationToken) =>
        RunAsync(new CommandRequest(input, caller, ChannelAddress.Console), cancellationToken);

    /// <summary>Never throws for a bad command or a store in trouble: the caller gets an answer either way.</summary>
    public async Task<CommandAnswer> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (readBack is not null && !await readBack.WaitAsync(NightReadBack.CommandPatience, time, cancellationToken))
        {
            // An empty book's answer would be wrong (a just-started instance of several, say "No council has declared
            // yet" mid-night), and a setting changed now could be overwritten by the night's own read.
            return CommandAnswer.Problem(Starting);
        }

        CommandAnswer answer;
        string name;
        try
        {
            var text = SafeText.Clean(request.Text);
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            name = (space < 0 ? text : text[..space]).TrimStart('/').ToLowerInvariant();
            var argument = space < 0 ? "" : text[(space + 1)..].Trim();
            answer = ChannelRoutes.TryGetValue(name, out var route)
                ? route(this, argument, request)
                : engine.Answer(request.Text, desk.Book, request.Caller);
            if (answer.Publish is NationalShare share)
            {
                if (desk.Take(new FeedDocument($"/share set by {request.Caller.Id}", NationalShareFormat.Write(share)), share).Kind == Domain.Book.AcceptanceKind.Stale)
                {
                    // Never report success for a figure the book did not take.
                    answer = CommandAnswer.Problem("Nothing was changed: a projected national share with a later revision is already in.");
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Command from {Caller} in {Channel} failed", request.Caller.Id, request.Channel);
            return CommandAnswer.Problem("Sorry, that could not be done just now (the bot's store is busy or failing). Nothing was changed; please try again.");
        }

        if (answer.Publish is not null || answer.Ok && name is "subscribe")
        {
            // Something may now wait to be sent (a published share, a resumed channel's held posts). Only then:
            // a lookup in the store per question would tax every answer in a burst of /council.
            dispatcher.Kick(cancellationToken);
        }

        return answer;
    }

    public IReadOnlyList<string> Complete(string option, string partial) => CommandEngine.Complete(option, partial, desk.Book);

    public PostImage? DrawPicture(PictureRequest request) => pictures?.ForAnswer(request);

    private CommandAnswer Subscribe(string argument, CommandRequest request)
    {
        if (!request.Caller.CanManageChannel)
        {
            return CommandAnswer.Problem(AdminsOnly);
        }

        var book = desk.Book;
        var parse = SubscriptionParser.Parse(argument, book.KnownCouncils, Scoreboard.From(book).Parties.Select(p => p.Party));
        if (parse.Filter is not { } filter)
        {
            return CommandAnswer.Problem(parse.Error ?? SubscriptionParser.Usage);
        }

        if (filter.Publish && PublishRefusal(request) is { } refusal)
        {
            return CommandAnswer.Problem(refusal);
        }

        var channel = request.Channel.ToString();
        var before = subscriptions.Find(channel);
        subscriptions.Subscribe(channel, filter, "command", request.Caller.Id);
        logger.LogInformation("{Caller} subscribed {Channel} to {Filter}", request.Caller.Id, channel, SubscriptionText.Write(filter));
        var resumed = before?.PausedReason is { } reason ? $" (It had been paused: {reason}. It is resumed, with what was kept for it.)" : "";
        var verb = before is null ? "Subscribed" : "Subscription changed";
        return new CommandAnswer($"{verb}: this channel gets {SubscriptionText.Describe(filter)}{resumed}\nTo change it: /subscribe {SubscriptionText.Write(filter)}. To stop: /unsubscribe.");
    }

    /// <summary>Why "publish" cannot be had here, when the bot can tell: only a Discord announcement channel publishes.</summary>
    private static string? PublishRefusal(CommandRequest request) => (request.Channel.Platform, request.AnnouncementChannel) switch
    {
        ("discord", false) => "Nothing was changed: this is not an announcement channel, so Discord cannot publish its posts to the servers that follow it. Make it one (Edit Channel, then Announcement Channel) or subscribe without publish.",
        ("discord", _) => null,
        _ => "Nothing was changed: publish is for Discord announcement channels, whose posts other servers follow. Subscribe here without publish.",
    };

    private CommandAnswer Subscriptions(CommandRequest request)
    {
        var channel = request.Channel.ToString();
        var lines = new List<string>();
        if (subscriptions.Find(channel) is { } stored && subscriptions.FilterOf(channel) is { } filter)
        {
            var from = stored.Origin == "config" ? "set in the bot's configuration" : $"set by {stored.UpdatedBy}";
            lines.Add($"This channel gets {SubscriptionText.Describe(filter)}");
            lines.Add($"Filters: {SubscriptionText.Write(filter)} ({from}, {UkTime.Format(stored.UpdatedAt, culture)})");
            if (stored.PausedReason is { } reason)
            {
                lines.Add($"Paused since {UkTime.Format(stored.PausedAt!.Value, culture)}: {reason}. An admin can /subscribe again to resume.");
            }
        }
        else
        {
            lines.Add("This channel is not subscribed: results are not posted here. An admin can /subscribe (e.g. " + SubscriptionParser.Usage + ").");
        }

        // Other channels may be in other people's servers: only the configured admins see them, not
        // whoever manages this channel.
        if (request.Caller.IsAdmin)
        {
            var paused = subscriptions.Channels
                .Select(c => (Channel: c, Stored: subscriptions.Find(c)))
                .Where(c => c.Stored?.PausedReason is not null && c.Channel != channel && c.Channel.StartsWith(request.Channel.Platform, StringComparison.Ordinal))
                .Select(c => $"{c.Channel}: {c.Stored!.PausedReason}")
                .ToList();
            if (paused.Count > 0)
            {
                lines.Add($"Paused channels ({paused.Count}): " + string.Join("; ", paused.Take(20)) + (paused.Count > 20 ? "; …" : ""));
            }
        }

        return new CommandAnswer(string.Join("\n", lines));
    }

    private CommandAnswer Unsubscribe(CommandRequest request)
    {
        if (!request.Caller.CanManageChannel)
        {
            return CommandAnswer.Problem(AdminsOnly);
        }

        var channel = request.Channel.ToString();
        if (!subscriptions.Unsubscribe(channel))
        {
            return CommandAnswer.Problem("This channel was not subscribed; nothing changed.");
        }

        logger.LogInformation("{Caller} unsubscribed {Channel} at {Time}", request.Caller.Id, channel, time.GetUtcNow());
        return new CommandAnswer("Unsubscribed: results are no longer posted here. /subscribe starts them again.");
    }
}
