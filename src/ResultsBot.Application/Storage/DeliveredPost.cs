using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Storage;

/// <summary>A post as it went out to a channel.</summary>
/// <param name="PlatformMessageId">The platform's id of the message that carries it.</param>
/// <param name="Corrected">For a correction, the post it corrects.</param>
public sealed record DeliveredPost(string PlatformMessageId, DateTimeOffset DeliveredAt, Post Post, Post? Corrected);
