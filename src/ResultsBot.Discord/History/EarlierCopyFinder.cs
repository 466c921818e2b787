using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.History;

/// <summary>
/// Looks in a channel for a post the bot may have sent before a crash, once Discord no longer remembers its
/// nonce: one read of at most <see cref="Lookback"/> messages after the newest post recorded there (or the
/// newest messages when none is), through the rate limiter, so a lookup costs one request of the channel's
/// own bucket and never holds up another channel. A channel whose history the bot cannot read is reported
/// once and the post is sent again (a rare repeat beats a channel stuck for good).
/// </summary>
internal sealed class EarlierCopyFinder(DiscordRestClient rest, ILogger logger)
{
    /// <summary>Discord's largest page: the unrecorded post is the first of the bot's after the newest recorded one.</summary>
    public const int Lookback = 100;

    private readonly ConcurrentDictionary<string, byte> _unreadable = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Task<string>? _botUserId;

    /// <summary>The id of the bot's message in the channel that carries one of the keys, and which key; null when there is none (or none can be seen).</summary>
    public async Task<(string Id, string Key)?> FindAsync(OutgoingPost post, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var bot = await BotUserIdAsync(cancellationToken);
        var path = $"channels/{post.ChannelId}/messages?limit={Lookback}" + (post.PreviousMessageId is { } after ? "&after=" + after : "");
        var response = await rest.SendAsync(new DiscordRequest(HttpMethod.Get, path), cancellationToken);
        if (response.Status == HttpStatusCode.Forbidden)
        {
            Unreadable(post.ChannelId, response.ErrorText);
            return null;
        }

        if (!response.IsSuccess || response.Read(DiscordJsonContext.Default.ListDiscordMessage) is not { } messages)
        {
            // Not knowing must not become a repeat: the post stays queued and the channel tries again later.
            throw new HttpRequestException($"discord:{post.ChannelId}: could not read the channel to check for an earlier copy ({response.ErrorText}); will try again", null, response.Status);
        }

        foreach (var message in messages)
        {
            if (message?.Author?.Id == bot && keys.FirstOrDefault(k => DeliveryReference.IsIn(message, k)) is { } key
                && message.Id is { } id)
            {
                return (id, key);
            }
        }

        if (messages.Count == 0 && post.PreviousMessageId is { } anchor)
        {
            // Discord answers an empty page, not an error, when Read Message History is missing: a post of
            // ours that is known to be there tells the two apart.
            var probe = await rest.SendAsync(new DiscordRequest(HttpMethod.Get, $"channels/{post.ChannelId}/messages/{anchor}"), cancellationToken);
            if (probe.Status == HttpStatusCode.Forbidden)
            {
                Unreadable(post.ChannelId, probe.ErrorText);
            }
        }

        return null;
    }

    /// <summary>The bot's own messages among the channel's newest page (empty when its history cannot be read).</summary>
    public async Task<IReadOnlyList<DiscordMessage>> NewestOwnAsync(string channelId, CancellationToken cancellationToken)
    {
        var bot = await BotUserIdAsync(cancellationToken);
        var response = await rest.SendAsync(new DiscordRequest(HttpMethod.Get, $"channels/{channelId}/messages?limit={Lookback}"), cancellationToken);
        if (!response.IsSuccess || response.Read(DiscordJsonContext.Default.ListDiscordMessage) is not { } messages)
        {
            return [];
        }

        return [.. messages.Where(m => m?.Author?.Id == bot)];
    }

    private void Unreadable(string channelId, string reason)
    {
        if (_unreadable.TryAdd(channelId, 0))
        {
            logger.LogWarning(
                "discord:{Channel}: the bot cannot read the channel's history ({Reason}; it needs Read Message History there), so a post that may have gone out before a restart is sent again without looking",
                channelId,
                reason);
        }
    }

    // Channels resuming together after a restart share one question: each asking for itself, six at once overran
    // GET users/@me's bucket and met a 429. A failed or cancelled answer is asked again by the next channel.
    private Task<string> BotUserIdAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_botUserId is null || _botUserId.IsFaulted || _botUserId.IsCanceled)
            {
                _botUserId = AskWhoTheBotIsAsync(cancellationToken);
            }

            return _botUserId.WaitAsync(cancellationToken);
        }
    }

    private async Task<string> AskWhoTheBotIsAsync(CancellationToken cancellationToken)
    {
        var me = await rest.SendAsync(new DiscordRequest(HttpMethod.Get, "users/@me"), cancellationToken);
        var id = me.IsSuccess ? me.Read(DiscordJsonContext.Default.DiscordUser)?.Id : null;
        return id ?? throw new HttpRequestException($"Discord did not say who the bot is (GET users/@me: {me.ErrorText}); will try again", null, me.Status);
    }
}
