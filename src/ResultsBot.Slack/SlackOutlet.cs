using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;
using ResultsBot.Slack.Pictures;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.WebApi;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack;

/// <summary>
/// Posts to Slack channels with chat.postMessage and returns the message's ts. Slack has no idempotency
/// key, so every post carries message metadata with its delivery id; after a possible crash
/// (<see cref="OutgoingPost.Attempted"/>) the channel's recent history is searched for it before posting again.
/// A correction of a known post edits the original (chat.update) and adds a threaded "Correction: …"
/// note: the returned id is the note's ts (the original keeps its own). Pictures go in the same message as image
/// blocks naming files uploaded beforehand (see <see cref="SlackPictureUploader"/>); an edit replaces them.
/// </summary>
public sealed class SlackOutlet(SlackWebApiClient client, ILogger<SlackOutlet>? logger = null) : IPlatformOutlet, IChannelHistory
{
    /// <summary>The metadata event_type our posts carry; event_payload.delivery_id is the delivery's idempotency key.</summary>
    public const string MetadataEventType = "resultsbot_post";

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly SlackPictureUploader _uploader = new(client, (ILogger?)logger ?? NullLogger.Instance);
    private readonly HistoryMemory _history = new();

    public string Platform => "slack";

    public async Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
    {
        var message = SlackPostRenderer.Render(post.Post, post.Images.Count);
        if (post.OriginalMessageId is { } original)
        {
            return await CorrectAsync(post, original, message, cancellationToken);
        }

        if (post.Attempted && await FindAsync(post, threadTs: null, cancellationToken) is { } already)
        {
            _logger.LogInformation("Slack delivery {Delivery} was already in {Channel} as {Ts}: not posting again", post.DeliveryId, post.ChannelId, already);
            return already;
        }

        var pictures = await _uploader.UploadAsync(post.Images, post.Post.Subject, cancellationToken);
        return await PostAsync(post, message, pictures, threadTs: null, cancellationToken);
    }

    private async Task<string> CorrectAsync(OutgoingPost post, string original, SlackMessageBody message, CancellationToken cancellationToken)
    {
        if (post.Attempted
            && (await FindAsync(post, original, cancellationToken)
                ?? await FindAsync(post, threadTs: null, cancellationToken)) is { } already)
        {
            return already;
        }

        // The edit carries the correction's pictures, which replace the original's (an edit with none removes them).
        var pictures = await _uploader.UploadAsync(post.Images, post.Post.Subject, cancellationToken);
        _history.Forget(post.ChannelId);
        var edited = post.Replacement is { } replacement ? SlackPostRenderer.Render(replacement, post.Images.Count) : message;
        var result = await WithPicturesAsync(pictures, post, shown => client.UpdateMessageAsync(post.ChannelId, original, PictureBlocks.With(edited, shown), cancellationToken), cancellationToken);
        if (result.Kind == SlackErrorKind.MessageNotFound || result.Error is "cant_update_message" or "edit_window_closed")
        {
            // The original is gone or no longer ours to edit: the correction goes out as a post of its own.
            _logger.LogInformation("Slack could not edit {Ts} in {Channel} ({Error}): posting the correction afresh", original, post.ChannelId, result.Error);
            return await PostAsync(post, message, pictures, threadTs: null, cancellationToken);
        }

        ThrowUnlessOk(result, "chat.update", post.ChannelId);
        return await PostAsync(post, SlackNoteRenderer.Render(CorrectionNote(post.Post)), [], original, cancellationToken);
    }

    /// <summary>
    /// One chat.postMessage carrying the text, its delivery id in metadata and the pictures as image blocks naming
    /// files already uploaded (unshared). Why one message: Slack has no idempotency key, so exactly-once rests on
    /// finding the delivery id in the channel after a crash. Were the pictures shared by files.completeUploadExternal
    /// with channel_id, each would become a message of its own, without our metadata, that the crash check would
    /// also have to find — and a crash between them would leave a picture without its post or a post without its
    /// picture. Uploaded unshared, a file a crash cut short is an orphan nobody sees, and the post appears whole or not at all.
    /// </summary>
    private async Task<string> PostAsync(OutgoingPost post, SlackMessageBody message, IReadOnlyList<UploadedPicture> pictures, string? threadTs, CancellationToken cancellationToken)
    {
        var metadata = new MessageMetadata(MetadataEventType, new PostMetadataPayload(post.IdempotencyKey));
        _history.Forget(post.ChannelId);
        var result = await WithPicturesAsync(
            pictures,
            post,
            shown => client.PostMessageAsync(post.ChannelId, PictureBlocks.With(message, shown), cancellationToken, threadTs, metadata),
            cancellationToken);
        ThrowUnlessOk(result, "chat.postMessage", post.ChannelId);
        return result.Ts ?? throw new SlackApiException("chat.postMessage answered ok without a ts", null);
    }

    /// <summary>
    /// Sends with the pictures; while Slack says a just-uploaded file is not processed yet, waits and tries again a
    /// few times, then sends without them. (Slack processes uploads asynchronously, as files.getUploadURLExternal's
    /// page says, and its SDK maintainers advise waiting for a file before naming it in blocks.)
    /// </summary>
    private async Task<ChatMessageResponse> WithPicturesAsync(IReadOnlyList<UploadedPicture> pictures, OutgoingPost post, Func<IReadOnlyList<UploadedPicture>, Task<ChatMessageResponse>> send, CancellationToken cancellationToken)
    {
        var result = await send(pictures);
        for (var tries = 0; pictures.Count > 0 && PictureBlocks.NotYetProcessed(result); tries++)
        {
            if (tries == client.Limits.PictureProcessingTries)
            {
                _logger.LogWarning("Slack still did not show the pictures of {Subject} in {Channel} after {Tries} tries: it goes without them", post.Post.Subject, post.ChannelId, tries + 1);
                return await send([]);
            }

            await Task.Delay(client.Limits.PictureProcessingWait, client.Time, cancellationToken);
            result = await send(pictures);
        }

        return result;
    }

    /// <summary>
    /// The ts of a message among the channel's newest (or the thread's, under <paramref name="threadTs"/>) carrying
    /// this delivery's id, if any. A read remembered since the bot last wrote there answers without reading again.
    /// </summary>
    private async Task<string?> FindAsync(OutgoingPost post, string? threadTs, CancellationToken cancellationToken)
    {
        if (_history.TryRecall(post.ChannelId, threadTs, post.IdempotencyKey, out var remembered))
        {
            return remembered;
        }

        var result = await client.HistoryAsync(post.ChannelId, client.Limits.HistoryLookback, threadTs, cancellationToken);
        var method = threadTs is null ? "conversations.history" : "conversations.replies";
        if (result.Kind == SlackErrorKind.MessageNotFound || result.Error is "thread_not_found" or "missing_scope")
        {
            // Nothing to find there (or no permission to look): a rare duplicate beats a channel stuck for good.
            _logger.LogWarning("Slack {Method} in {Channel}: {Error}; cannot check for an earlier copy", method, post.ChannelId, result.Error);
            return null;
        }

        ThrowUnlessOk(result, method, post.ChannelId);
        var seen = Deliveries(result.Messages);
        _history.Remember(post.ChannelId, threadTs, seen);
        return seen.GetValueOrDefault(post.IdempotencyKey);
    }

    /// <summary>Our deliveries among messages read back: delivery id → ts (the newest, should one be there twice).</summary>
    private static Dictionary<string, string> Deliveries(IReadOnlyList<HistoryMessage>? messages)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in messages ?? [])
        {
            if (DeliveryIdOf(message) is { } id && message.Ts is { } ts)
            {
                seen.TryAdd(id, ts);
            }
        }

        return seen;
    }

    public async Task<IReadOnlyList<long>> AlreadyThereAsync(string channelId, IReadOnlyList<OutgoingPost> posts, CancellationToken cancellationToken)
    {
        var result = await client.HistoryAsync(channelId, client.Limits.HistoryLookback, threadTs: null, cancellationToken);
        if (result.Kind != SlackErrorKind.None || result.Messages is not { } messages)
        {
            return [];
        }

        _history.Remember(channelId, null, Deliveries(messages));

        var shown = messages.Select(m => (Id: DeliveryIdOf(m), m.Text)).Where(m => m.Id is not null).ToList();
        // The fallback text starts with the post's headline, or lists it when the post headed a digest.
        return [.. posts.Where(p => shown.Any(m => m.Id == p.IdempotencyKey && m.Text?.Split('\n').Contains(SlackText.Escape(p.Post.Headline.Trim())) == true)).Select(p => p.DeliveryId)];
    }

    private static string? DeliveryIdOf(HistoryMessage message) =>
        message.Metadata is { EventType: MetadataEventType, EventPayload.DeliveryId: { } id } ? id : null;

    /// <summary>"Correction: …" with what changed (a correction's first plain section says so).</summary>
    private static string CorrectionNote(Post post)
    {
        var headline = post.Headline.StartsWith("Correction", StringComparison.OrdinalIgnoreCase) ? post.Headline : "Correction: " + post.Headline;
        var summary = post.Sections.FirstOrDefault(s => s.Label is null)?.Text;
        return post.Kind == PostKind.Correction && summary is not null ? headline + "\n" + summary : headline;
    }

    private static void ThrowUnlessOk(SlackApiResponse result, string method, string channel)
    {
        switch (result.Kind)
        {
            case SlackErrorKind.None:
                return;
            case SlackErrorKind.ChannelGone:
                throw new ChannelGoneException($"Slack channel {channel}: {result.Error}");
            case SlackErrorKind.Rejected:
                throw new PostRejectedException(result.Describe(method));
            case SlackErrorKind.Auth:
                throw new SlackApiException($"{result.Describe(method)}: the bot token (Slack:BotToken) is not accepted; an operator must fix it, posts wait meanwhile", result.Error);
            default:
                throw new SlackApiException(result.Describe(method) + "; will retry later", result.Error);
        }
    }
}
