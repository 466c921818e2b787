using ResultsBot.Discord.Interactions;
using ResultsBot.Discord.Wire;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Discord.Posts;

/// <summary>
/// The "Full result" button under a result's post: pressed, it answers the presser alone with what /council (or
/// /mayor, /pcc, /seat) gives for that place now. Night-wide posts (milestones, digests, the share) have none.
/// </summary>
internal static class PostButtons
{
    public const string FullResultLabel = "Full result";

    public static IReadOnlyList<DiscordComponent>? For(Post post)
    {
        // From the subject, not the topic: a post read back from the store for sending has its subject but no topic.
        if (post.Kind is not (PostKind.Declaration or PostKind.Correction) || ButtonIds.FullResult(post.Subject) is not { } id)
        {
            return null;
        }

        return
        [
            new DiscordComponent(DiscordComponent.ActionRow)
            {
                Components = [new DiscordComponent(DiscordComponent.Button) { Style = 2, Label = FullResultLabel, CustomId = id }],
            },
        ];
    }
}
