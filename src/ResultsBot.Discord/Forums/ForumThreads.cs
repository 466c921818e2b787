using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Forums;

/// <summary>
/// Where a post for a forum channel goes: a forum takes no message of its own, only posts (threads), so the night's
/// results go as replies in one thread the bot opens, or in one per council when the subscription asks. Each
/// thread is opened exactly once: remembered in the store as soon as Discord answers, and, because a crash can
/// fall between Discord opening it and the store keeping it (a forum thread takes no nonce), looked for among the
/// server's active threads and the forum's archived ones, by the bot's own threads of that title, before one is
/// opened. Channel workers call it one post at a time per channel, so a forum never opens two threads at once.
/// </summary>
internal sealed class ForumThreads(DiscordRestClient rest, IForumThreadStore? store, string nightTitle, ILogger logger)
{
    /// <summary>Discord's longest thread name.</summary>
    public const int MaxTitle = 100;

    /// <summary>A week, Discord's longest: a thread archived in the night's quiet hours would still take replies, but not edits.</summary>
    private const int AutoArchiveMinutes = 10080;

    /// <summary>A council declaration's subject is "council/" and the council's key.</summary>
    private const string CouncilSubject = "council/";

    private readonly ConcurrentDictionary<string, DiscordChannel> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Forum, string Title), string> _threads = new();
    private string? _botUserId;

    /// <summary>True when the channel is known (from an earlier look this run) to be a forum.</summary>
    public bool IsKnownForum(string channelId) => _channels.TryGetValue(channelId, out var channel) && channel.TakesOnlyThreads;

    /// <summary>Asks Discord what the channel is (once a run): true for a forum or media channel.</summary>
    public async Task<bool> IsForumAsync(string channelId, CancellationToken cancellationToken)
    {
        if (_channels.TryGetValue(channelId, out var known))
        {
            return known.TakesOnlyThreads;
        }

        var response = await rest.SendAsync(new DiscordRequest(HttpMethod.Get, $"channels/{channelId}"), cancellationToken);
        if (!response.IsSuccess || response.Read(DiscordJsonContext.Default.DiscordChannel) is not { } channel)
        {
            return false;
        }

        _channels[channelId] = channel;
        return channel.TakesOnlyThreads;
    }

    /// <summary>
    /// The title of the thread a post goes in: its council's, when the channel wants one per council and the post is
    /// about one council (a correction has its original's subject, so it goes where its original went); else the night's.
    /// </summary>
    public string TitleFor(OutgoingPost post) =>
        post.ThreadPerCouncil && CouncilOf(post.Post) is { } council
            ? Title(council + ": results")
            : Title(nightTitle);

    /// <summary>The council a post is about: its topic's, or, for a post read back from the store (which keeps no topic), its subject's.</summary>
    private static string? CouncilOf(Post post) =>
        post.Topic?.CouncilName
        ?? (post.Subject.StartsWith(CouncilSubject, StringComparison.Ordinal) && Regions.KnownCouncils.TryGetValue(post.Subject[CouncilSubject.Length..], out var name) ? name : null);

    /// <summary>The thread's id, found (this run, the store, Discord's thread lists) or opened now.</summary>
    public async Task<string> ThreadAsync(string forumId, string title, CancellationToken cancellationToken)
    {
        if (_threads.TryGetValue((forumId, title), out var known))
        {
            return known;
        }

        var address = "discord:" + forumId;
        if (store?.FindForumThread(address, title) is not { } id)
        {
            id = await FindOpenedAsync(forumId, title, cancellationToken) ?? await OpenAsync(forumId, title, cancellationToken);
            store?.RememberForumThread(address, title, id);
        }

        _threads[(forumId, title)] = id;
        return id;
    }

    /// <summary>The thread of this title the bot opened in the forum, if there is one (never opens one); null when it cannot tell.</summary>
    public async Task<string?> ExistingThreadAsync(string forumId, string title, CancellationToken cancellationToken)
    {
        if (_threads.TryGetValue((forumId, title), out var known))
        {
            return known;
        }

        try
        {
            return store?.FindForumThread("discord:" + forumId, title) ?? await FindOpenedAsync(forumId, title, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>A thread of this title the bot opened in the forum before (a crash kept the store from hearing of it).</summary>
    private async Task<string?> FindOpenedAsync(string forumId, string title, CancellationToken cancellationToken)
    {
        var bot = await BotUserIdAsync(cancellationToken);
        var guild = _channels.TryGetValue(forumId, out var forum) ? forum.GuildId : null;
        string[] lists = guild is null
            ? [$"channels/{forumId}/threads/archived/public?limit=100"]
            : [$"guilds/{guild}/threads/active", $"channels/{forumId}/threads/archived/public?limit=100"];
        foreach (var path in lists)
        {
            var response = await rest.SendAsync(new DiscordRequest(HttpMethod.Get, path), cancellationToken);
            if (!response.IsSuccess || response.Read(DiscordJsonContext.Default.DiscordThreadList) is not { } list)
            {
                // Not knowing must not become a second thread: the post stays queued and is tried again.
                throw new HttpRequestException($"discord:{forumId}: could not list the forum's threads to find the night's ({response.ErrorText}); will try again", null, response.Status);
            }

            var mine = (list.Threads ?? [])
                .Where(t => t.ParentId == forumId && t.OwnerId == bot && t.Name == title && t.Id is not null)
                .OrderBy(t => t.Id!.Length).ThenBy(t => t.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (mine is not null)
            {
                logger.LogInformation("discord:{Forum}: found the bot's post \"{Title}\" ({Thread}) already open; posting on in it", forumId, title, mine.Id);
                return mine.Id;
            }
        }

        return null;
    }

    private async Task<string> OpenAsync(string forumId, string title, CancellationToken cancellationToken)
    {
        var starter = DiscordMessageText.Body(DiscordMarkdown.Escape(title) + " — each result is a reply below, as it is declared.");
        var body = DiscordBody.Of(new ForumThreadRequest(title, AutoArchiveMinutes, starter), DiscordJsonContext.Default.ForumThreadRequest);
        var response = await rest.SendAsync(new DiscordRequest(HttpMethod.Post, $"channels/{forumId}/threads", body), cancellationToken);
        if (response.IsSuccess && response.Read(DiscordJsonContext.Default.DiscordChannel)?.Id is { } id)
        {
            logger.LogInformation("discord:{Forum}: opened the post \"{Title}\" ({Thread}) for the results", forumId, title, id);
            return id;
        }

        throw response.Status switch
        {
            HttpStatusCode.Forbidden => new ChannelGoneException($"discord:{forumId}: Discord refused to open a post in the forum ({response.ErrorText}); the bot needs View Channel, Send Messages and Send Messages in Threads there"),
            HttpStatusCode.NotFound => new ChannelGoneException($"discord:{forumId}: Discord says the forum does not exist ({response.ErrorText})"),
            HttpStatusCode.BadRequest => new PostRejectedException($"discord:{forumId}: Discord refused to open the post \"{title}\": {response.ErrorText}"),
            _ => new HttpRequestException($"discord:{forumId}: Discord answered {(int)response.Status} to opening a post ({response.ErrorText}); will try again", null, response.Status),
        };
    }

    private static string Title(string text)
    {
        var plain = DiscordMarkdown.StripControls(text).Trim();
        return TextCuts.Trim(plain.Length == 0 ? DiscordOptions.DefaultForumTitle : plain, MaxTitle);
    }

    private async Task<string> BotUserIdAsync(CancellationToken cancellationToken)
    {
        if (_botUserId is { } known)
        {
            return known;
        }

        var me = await rest.SendAsync(new DiscordRequest(HttpMethod.Get, "users/@me"), cancellationToken);
        var id = me.IsSuccess ? me.Read(DiscordJsonContext.Default.DiscordUser)?.Id : null;
        return _botUserId = id ?? throw new HttpRequestException($"Discord did not say who the bot is (GET users/@me: {me.ErrorText}); will try again", null, me.Status);
    }
}
