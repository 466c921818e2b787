using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Forums;
using ResultsBot.Discord.History;
using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Discord;

/// <summary>
/// Posts to Discord channels: one embed per post, sent with the delivery's nonce and enforce_nonce so a
/// resend after a crash (within Discord's few minutes) returns the first message instead of a duplicate.
/// Every post carries its delivery reference ("ref 4821" in the footer), so a resend after longer than
/// Discord remembers a nonce (<see cref="DiscordOptions.NonceWindow"/>) first looks for it in the channel.
/// A correction edits the post it corrects and replies to it with a short note; it returns the ORIGINAL
/// message's id, so a later correction edits the same embed again; when the original is gone, or is published and
/// Discord refuses the edit (20022), the correction is posted as a message of its own and that id is returned. Pictures go with the post as uploaded
/// attachments (the main one as the embed's image, alt text as each attachment's description); a correction's
/// edit replaces the original's pictures with its own. A thread is a channel like any other; a forum, which takes no
/// message of its own, gets the night's posts as replies in a post (thread) the bot opens there (see <see cref="ForumThreads"/>).
/// </summary>
/// <param name="forumThreads">Where the threads opened in forums are remembered across restarts (the bot's store).</param>
/// <param name="forumTitle">The title of the night's post in a forum (Discord:ForumTitle).</param>
public sealed class DiscordOutlet(
    DiscordRestClient rest,
    ILogger<DiscordOutlet>? logger = null,
    TimeProvider? time = null,
    TimeSpan? nonceWindow = null,
    IForumThreadStore? forumThreads = null,
    string? forumTitle = null) : IPlatformOutlet, IChannelHistory
{
    private const int UnknownChannel = 10003;
    private const int UnknownMessage = 10008;
    private const int MissingPermissions = 50013;
    private const int AnnouncementEditLimit = 20022;
    private const int ArchivedThread = 50083;
    private static readonly TimeSpan NoPicturesFor = TimeSpan.FromMinutes(10);

    private readonly ILogger _logger = logger ?? NullLogger<DiscordOutlet>.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly TimeSpan _nonceWindow = nonceWindow ?? DiscordOptions.DefaultNonceWindow;
    // Channels where Discord refused pictures (no Attach Files), and until when they are not tried again: each
    // refusal is a 403, and Discord bans a bot that makes too many of those.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _noAttachFiles = new(StringComparer.Ordinal);
    // One for the outlet: channel workers call it at once, and "logged once" means once per run.
    private readonly EarlierCopyFinder _finder = new(rest, logger ?? (ILogger)NullLogger<DiscordOutlet>.Instance);
    private readonly ForumThreads _forums = new(rest, forumThreads, forumTitle ?? DiscordOptions.DefaultForumTitle, logger ?? (ILogger)NullLogger<DiscordOutlet>.Instance);

    public string Platform => "discord";

    public async Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
    {
        if (_forums.IsKnownForum(post.ChannelId))
        {
            return await SendHereAsync(await InThreadAsync(post, cancellationToken), cancellationToken);
        }

        try
        {
            return await SendHereAsync(post, cancellationToken);
        }
        catch (PostRejectedException)
        {
            // A forum refuses a plain message (400, 50008); the channel's type is asked only then, once a run, so
            // ordinary channels cost no extra request.
            if (!await _forums.IsForumAsync(post.ChannelId, cancellationToken))
            {
                throw;
            }

            _logger.LogInformation("discord:{Channel} is a forum: its posts go as replies in the bot's post there", post.ChannelId);
            return await SendHereAsync(await InThreadAsync(post, cancellationToken), cancellationToken);
        }
    }

    /// <summary>The post as it goes into its thread in the forum: the thread is the channel it is sent, looked for and edited in.</summary>
    private async Task<OutgoingPost> InThreadAsync(OutgoingPost post, CancellationToken cancellationToken)
    {
        var thread = await _forums.ThreadAsync(post.ChannelId, _forums.TitleFor(post), cancellationToken);
        // The newest post recorded for the forum may be in another thread: an earlier copy is looked for in this one from its start.
        return post with { ChannelId = thread, PreviousMessageId = null };
    }

    private async Task<string?> SendHereAsync(OutgoingPost post, CancellationToken cancellationToken)
    {
        if (MayBeThereUnremembered(post))
        {
            // The note's key first: a correction that edited and replied is done, and returns the original as ever.
            var keys = post.OriginalMessageId is null ? [post.IdempotencyKey] : new[] { NoteKey(post), post.IdempotencyKey };
            if (await _finder.FindAsync(post, keys, cancellationToken) is { } found)
            {
                _logger.LogInformation("Discord delivery {Delivery} was already in {Channel} as {MessageId}: not sending it again", post.DeliveryId, post.ChannelId, found.Id);
                return found.Key == NoteKey(post) ? post.OriginalMessageId : found.Id;
            }
        }

        var pictures = Pictures(post);
        if (post.Post.Kind == PostKind.Correction && post.OriginalMessageId is { } original)
        {
            // The attachments list names only the new pictures, so the original's go (none at all clears them).
            var path = $"channels/{post.ChannelId}/messages/{original}";
            var replacement = post.Replacement ?? post.Post;
            var editRequest = new DiscordRequest(HttpMethod.Patch, path, DiscordBody.Of(pictures.AddTo(DiscordPostRenderer.Render(replacement)))) { Files = pictures.Files };
            var editWithoutPictures = DiscordBody.Of(DiscordAttachments.None.AddTo(DiscordPostRenderer.Render(replacement)));
            var edit = await SendWithPicturesAsync(post, editRequest, editWithoutPictures, cancellationToken);
            if (edit.Status == HttpStatusCode.BadRequest && edit.ErrorCode == ArchivedThread && await UnarchiveAsync(post, cancellationToken))
            {
                // A thread that went quiet for its archive time takes no edit until it is opened again.
                edit = await SendWithPicturesAsync(post, editRequest, editWithoutPictures, cancellationToken);
            }
            if (edit.IsSuccess)
            {
                await CreateAsync(post, CorrectionNote(post, original), cancellationToken);
                return original;
            }

            if (edit.ErrorCode == AnnouncementEditLimit)
            {
                // A published message may not be edited past the announcement limits, and waiting could take an hour:
                // the correction goes out as a message of its own (which an announcement channel then publishes).
                _logger.LogInformation("Discord will not let the published message {Original} in {Channel} be edited now (announcement limits, 20022); posting the correction as a new message", original, post.ChannelId);
            }
            else if (edit.Status != HttpStatusCode.NotFound || edit.ErrorCode != UnknownMessage)
            {
                throw Failure(edit, post);
            }
            else
            {
                // The post being corrected was deleted: the correction stands as a post of its own.
                _logger.LogInformation("Discord message {Original} in {Channel} is gone; posting the correction as a new message", original, post.ChannelId);
            }
        }

        var body = NewPost(post);
        if (pictures.Files.Count == 0)
        {
            return await CreateAsync(post, body, cancellationToken);
        }

        var request = new DiscordRequest(HttpMethod.Post, $"channels/{post.ChannelId}/messages", DiscordBody.Of(pictures.AddTo(body))) { Files = pictures.Files };
        return IdOf(await SendWithPicturesAsync(post, request, DiscordBody.Of(body), cancellationToken), post);
    }

    /// <summary>Opens an archived thread again ({"archived": false}); false when Discord refuses (a locked thread needs a moderator).</summary>
    private async Task<bool> UnarchiveAsync(OutgoingPost post, CancellationToken cancellationToken)
    {
        var body = DiscordBody.Of(new ThreadArchiveRequest(Archived: false), DiscordJsonContext.Default.ThreadArchiveRequest);
        var response = await rest.SendAsync(new DiscordRequest(HttpMethod.Patch, $"channels/{post.ChannelId}", body), cancellationToken);
        if (!response.IsSuccess)
        {
            _logger.LogWarning("discord:{Channel}: the thread is archived and Discord refused to open it again ({Reason}); the correction cannot edit its original there", post.ChannelId, response.ErrorText);
        }

        return response.IsSuccess;
    }

    private static DiscordMessage NewPost(OutgoingPost post) =>
        DiscordPostRenderer.Render(post.Post, DeliveryReference.For(post.IdempotencyKey)) with { Nonce = post.IdempotencyKey, EnforceNonce = true };

    /// <summary>
    /// Sends a request that carries pictures; when Discord refuses it, sends <paramref name="withoutPictures"/>
    /// instead, so the text still goes (a refused request is as if never made): for want of Attach Files (403
    /// Missing Permissions: a server that invited the bot before it posted pictures, where pictures then rest for
    /// a while), or for the upload itself (413, or a 400 that the text alone may not get).
    /// </summary>
    private async Task<DiscordResponse> SendWithPicturesAsync(OutgoingPost post, DiscordRequest request, DiscordBody withoutPictures, CancellationToken cancellationToken)
    {
        var response = await rest.SendAsync(request, cancellationToken);
        if (request.Files.Count == 0 || response.IsSuccess)
        {
            return response;
        }

        if (response.Status == HttpStatusCode.Forbidden && response.ErrorCode == MissingPermissions)
        {
            _noAttachFiles[post.ChannelId] = _time.GetUtcNow() + NoPicturesFor;
            _logger.LogWarning(
                "discord:{Channel}: Discord refused the post's pictures ({Reason}; the bot needs Attach Files there), so posts go there without pictures for the next {Minutes} minutes",
                post.ChannelId,
                response.ErrorText,
                NoPicturesFor.TotalMinutes);
        }
        else if (response.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
        {
            _logger.LogWarning("discord:{Channel}: Discord refused delivery {Delivery} with its pictures ({Reason}); sending it without them", post.ChannelId, post.DeliveryId, response.ErrorText);
        }
        else
        {
            return response;
        }

        return await rest.SendAsync(request with { Body = withoutPictures, Files = [] }, cancellationToken);
    }

    private async Task<string?> CreateAsync(OutgoingPost post, DiscordMessage body, CancellationToken cancellationToken) =>
        IdOf(await rest.SendAsync(new DiscordRequest(HttpMethod.Post, $"channels/{post.ChannelId}/messages", DiscordBody.Of(body)), cancellationToken), post);

    private static string? IdOf(DiscordResponse response, OutgoingPost post)
    {
        if (!response.IsSuccess)
        {
            throw Failure(response, post);
        }

        return response.Read(DiscordJsonContext.Default.DiscordMessage)?.Id;
    }

    public async Task<IReadOnlyList<long>> AlreadyThereAsync(string channelId, IReadOnlyList<OutgoingPost> posts, CancellationToken cancellationToken)
    {
        if (!await _forums.IsForumAsync(channelId, cancellationToken))
        {
            return await AlreadyInChannelAsync(channelId, posts, cancellationToken);
        }

        // A forum's posts are in the thread the bot opened there, found by its title even when the database that
        // remembered it is the one gone astray.
        var there = new List<long>();
        foreach (var group in posts.GroupBy(_forums.TitleFor))
        {
            if (await _forums.ExistingThreadAsync(channelId, group.Key, cancellationToken) is { } thread)
            {
                there.AddRange(await AlreadyInChannelAsync(thread, [.. group], cancellationToken));
            }
        }

        return there;
    }

    private async Task<IReadOnlyList<long>> AlreadyInChannelAsync(string channelId, IReadOnlyList<OutgoingPost> posts, CancellationToken cancellationToken)
    {
        var own = await _finder.NewestOwnAsync(channelId, cancellationToken);
        return [.. posts.Where(p => own.Any(m => DeliveryReference.IsIn(m, p.IdempotencyKey) && Shows(m, p.Post))).Select(p => p.DeliveryId)];
    }

    /// <summary>The message is this post (its title), or a digest it heads (its headline among the digest's lines).</summary>
    private static bool Shows(DiscordMessage message, Post post)
    {
        var headline = DiscordPostRenderer.Embed(post).Title;
        return headline is not null && message.Embeds is [var embed, ..]
            && (embed.Title == headline || embed.Description?.Split('\n').Contains(headline) == true);
    }

    /// <summary>
    /// True when an earlier attempt may have reached Discord longer ago than it remembers nonces (or when is
    /// unknown, or the clock went back): then only the channel can tell whether the post is there.
    /// </summary>
    private bool MayBeThereUnremembered(OutgoingPost post)
    {
        if (!post.Attempted)
        {
            return false;
        }

        var age = post.AttemptedAt is { } at ? _time.GetUtcNow() - at : (TimeSpan?)null;
        return age is not { } known || known < TimeSpan.Zero || known >= _nonceWindow;
    }

    /// <summary>The post's pictures as attachments; one too big for Discord is logged and left out, never failing the post.</summary>
    private DiscordAttachments Pictures(OutgoingPost post)
    {
        if (_noAttachFiles.TryGetValue(post.ChannelId, out var until) && _time.GetUtcNow() < until)
        {
            return DiscordAttachments.None;
        }

        var pictures = DiscordAttachments.From(post.Images);
        foreach (var image in pictures.LeftOut)
        {
            _logger.LogWarning(
                "discord:{Channel}: the picture {File} for delivery {Delivery} is {Bytes} bytes, over Discord's upload limit of {Limit}; the post goes without it",
                post.ChannelId,
                image.FileName,
                post.DeliveryId,
                image.Png.Length,
                DiscordAttachments.MaxFileBytes);
        }

        return pictures;
    }

    private static string NoteKey(OutgoingPost post) => post.IdempotencyKey + "c";

    /// <summary>A short reply under the corrected post, so people who saw it learn it changed.</summary>
    private static DiscordMessage CorrectionNote(OutgoingPost post, string original)
    {
        var headline = post.Post.Headline.StartsWith("Correction", StringComparison.OrdinalIgnoreCase)
            ? post.Post.Headline
            : "Correction: " + post.Post.Headline;
        var reference = DeliveryReference.ContentLine(NoteKey(post));
        var text = TextCuts.Trim(DiscordMessageText.Split(headline + " (the post above has been corrected)")[0], DiscordMessageText.MaxContent - reference.Length);
        // Its own nonce and reference: it is a different message from the one a fallback new post would be.
        return DiscordMessageText.Body(text + reference) with
        {
            MessageReference = new DiscordMessageReference(original, post.ChannelId, FailIfNotExists: false),
            Nonce = NoteKey(post),
            EnforceNonce = true,
        };
    }

    private static Exception Failure(DiscordResponse response, OutgoingPost post)
    {
        var channel = "discord:" + post.ChannelId;
        return (response.Status, response.ErrorCode) switch
        {
            (HttpStatusCode.Forbidden, _) => new ChannelGoneException($"{channel}: Discord refused access ({response.ErrorText}); the bot needs View Channel, Send Messages, Embed Links and Attach Files there (and Send Messages in Threads in a thread or forum)"),
            (HttpStatusCode.NotFound, UnknownChannel) => new ChannelGoneException($"{channel}: Discord says the channel does not exist (Unknown Channel)"),
            (HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, _) => new PostRejectedException($"{channel}: Discord refused post {post.DeliveryId}: {response.ErrorText}"),
            (HttpStatusCode.Unauthorized, _) => new HttpRequestException($"Discord refused the bot token (401): check Discord:BotToken", null, response.Status),
            _ => new HttpRequestException($"{channel}: Discord answered {(int)response.Status} ({response.ErrorText}); will try again", null, response.Status),
        };
    }
}
