using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Posts;
using ResultsBot.Discord.Rest;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Discord;

/// <summary>
/// Posts to Discord channels: one embed per post, sent with the delivery's nonce and enforce_nonce so a
/// resend after a crash (within Discord's few minutes) returns the first message instead of a duplicate.
/// A correction edits the post it corrects and replies to it with a short note; it returns the ORIGINAL
/// message's id, so a later correction edits the same embed again.
/// </summary>
public sealed class DiscordOutlet(DiscordRestClient rest, ILogger<DiscordOutlet>? logger = null) : IPlatformOutlet
{
    private const int UnknownChannel = 10003;
    private const int UnknownMessage = 10008;

    private readonly ILogger _logger = logger ?? NullLogger<DiscordOutlet>.Instance;

    public string Platform => "discord";

    public async Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
    {
        if (post.Post.Kind == PostKind.Correction && post.OriginalMessageId is { } original)
        {
            var edit = await rest.SendAsync(
                new DiscordRequest(HttpMethod.Patch, $"channels/{post.ChannelId}/messages/{original}", DiscordPostRenderer.Render(post.Post)),
                cancellationToken);
            if (edit.IsSuccess)
            {
                await CreateAsync(post, CorrectionNote(post, original), cancellationToken);
                return original;
            }

            if (edit.Status != HttpStatusCode.NotFound || edit.ErrorCode != UnknownMessage)
            {
                throw Failure(edit, post);
            }

            // The post being corrected was deleted: the correction stands as a post of its own.
            _logger.LogInformation("Discord message {Original} in {Channel} is gone; posting the correction as a new message", original, post.ChannelId);
        }

        var body = DiscordPostRenderer.Render(post.Post);
        body["nonce"] = post.IdempotencyKey;
        body["enforce_nonce"] = true;
        return await CreateAsync(post, body, cancellationToken);
    }

    private async Task<string?> CreateAsync(OutgoingPost post, JsonObject body, CancellationToken cancellationToken)
    {
        var response = await rest.SendAsync(new DiscordRequest(HttpMethod.Post, $"channels/{post.ChannelId}/messages", body), cancellationToken);
        if (!response.IsSuccess)
        {
            throw Failure(response, post);
        }

        return response.Json()?["id"]?.GetValue<string>();
    }

    /// <summary>A short reply under the corrected post, so people who saw it learn it changed.</summary>
    private static JsonObject CorrectionNote(OutgoingPost post, string original)
    {
        var headline = post.Post.Headline.StartsWith("Correction", StringComparison.OrdinalIgnoreCase)
            ? post.Post.Headline
            : "Correction: " + post.Post.Headline;
        var body = DiscordMessageText.Body(DiscordMessageText.Split(headline + " (the post above has been corrected)")[0]);
        body["message_reference"] = new JsonObject { ["message_id"] = original, ["channel_id"] = post.ChannelId, ["fail_if_not_exists"] = false };
        // Its own nonce: it is a different message from the one a fallback new post would be.
        body["nonce"] = post.IdempotencyKey + "c";
        body["enforce_nonce"] = true;
        return body;
    }

    private static Exception Failure(DiscordResponse response, OutgoingPost post)
    {
        var channel = "discord:" + post.ChannelId;
        return (response.Status, response.ErrorCode) switch
        {
            (HttpStatusCode.Forbidden, _) => new ChannelGoneException($"{channel}: Discord refused access ({response.ErrorText}); the bot needs View Channel, Send Messages and Embed Links there"),
            (HttpStatusCode.NotFound, UnknownChannel) => new ChannelGoneException($"{channel}: Discord says the channel does not exist (Unknown Channel)"),
            (HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, _) => new PostRejectedException($"{channel}: Discord refused post {post.DeliveryId}: {response.ErrorText}"),
            (HttpStatusCode.Unauthorized, _) => new HttpRequestException($"Discord refused the bot token (401): check Discord:BotToken", null, response.Status),
            _ => new HttpRequestException($"{channel}: Discord answered {(int)response.Status} ({response.ErrorText}); will try again", null, response.Status),
        };
    }
}
