using System.Net;
using ResultsBot.Discord.Rest;
using ResultsBot.Discord.Wire;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Publishing;

/// <summary>
/// Publishes ("crossposts") a message in an announcement channel to the channels that follow it. The crosspost
/// route is a rate-limit route of its own (about ten per channel per hour), so a publish waiting out its 429 —
/// which can last an hour — waits on that route alone and never holds up a post in this or any other channel.
/// </summary>
public sealed class DiscordPublisher(DiscordRestClient rest) : IMessagePublisher
{
    private const int UnknownMessage = 10008;
    private const int AlreadyCrossposted = 40033;
    private const int WrongChannelType = 50024;
    private const int InvalidMessageType = 50068;

    public string Platform => "discord";

    public async Task<PublishResult> PublishAsync(string channelId, string messageId, CancellationToken cancellationToken)
    {
        var response = await rest.SendAsync(HttpMethod.Post, $"channels/{channelId}/messages/{messageId}/crosspost", null, cancellationToken);
        return (response.Status, response.ErrorCode) switch
        {
            _ when response.IsSuccess => PublishResult.Published,
            (_, AlreadyCrossposted) => PublishResult.AlreadyPublished,
            (HttpStatusCode.NotFound, UnknownMessage) => PublishResult.MessageGone,
            (_, WrongChannelType or InvalidMessageType) => PublishResult.NotAnnouncementChannel,
            (HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, _) => PublishResult.Refused,
            _ => throw new HttpRequestException($"discord:{channelId}: Discord answered {(int)response.Status} ({response.ErrorText}) to a publish; will try again", null, response.Status),
        };
    }

    public async Task<bool?> IsAnnouncementChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        var response = await rest.SendAsync(HttpMethod.Get, $"channels/{channelId}", null, cancellationToken);
        return response.IsSuccess && response.Read(DiscordJsonContext.Default.DiscordChannel)?.Type is { } type
            ? type == DiscordChannel.AnnouncementType
            : null;
    }
}
