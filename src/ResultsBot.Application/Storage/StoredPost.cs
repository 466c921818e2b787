using System.Text.Json;
using System.Text.Json.Serialization;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Storage;

/// <summary>
/// How every store keeps a post: its kind, subject and headline in columns of their own, the rest (sections,
/// colour, footer, and what it is about) as one JSON body. One format, so a night can move between stores and both
/// read it alike. The topic is kept so that a post read back knows whether it changed control (an announcement
/// channel publishes those); bodies stored before it read back without one, as they always did.
/// </summary>
public static class StoredPost
{
    /// <summary>The post's body as stored: its sections (labelled ones are fields), colour and footer.</summary>
    public static string Body(Post post) =>
        JsonSerializer.Serialize(new PostBody([.. post.Sections.Select(x => new PostBodySection(x.Label, x.Text))], post.Colour, post.Footer)
        {
            Topic = post.Topic is { } topic ? new PostBodyTopic(topic.CouncilKey, topic.CouncilName, topic.ElectionType, [.. topic.Parties.Order(StringComparer.Ordinal)], topic.ControlChanged) : null,
        }, PostBodyJson.Default.PostBody);

    /// <summary>The post as it was queued, from its columns and its stored body.</summary>
    public static Post Read(string kind, string subject, string headline, string body)
    {
        var stored = JsonSerializer.Deserialize(body, PostBodyJson.Default.PostBody) ?? new PostBody([], null, null);
        return new Post(Enum.Parse<PostKind>(kind), subject, headline, [.. stored.Sections.Select(x => new PostSection(x.Label, x.Text))])
        {
            Colour = stored.Colour,
            Footer = stored.Footer,
            Topic = stored.Topic is { } topic ? new PostTopic(topic.CouncilKey, topic.CouncilName, topic.ElectionType, new HashSet<string>(topic.Parties, StringComparer.Ordinal), topic.ControlChanged) : null,
        };
    }
}

internal sealed record PostBody(PostBodySection[] Sections, string? Colour, string? Footer)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PostBodyTopic? Topic { get; init; }
}

internal sealed record PostBodyTopic(string CouncilKey, string CouncilName, string ElectionType, string[] Parties, bool ControlChanged);

internal sealed record PostBodySection(string? Label, string Text);

[JsonSerializable(typeof(PostBody))]
internal sealed partial class PostBodyJson : JsonSerializerContext;
