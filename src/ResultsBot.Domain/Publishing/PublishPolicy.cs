using ResultsBot.Domain.Posts;

namespace ResultsBot.Domain.Publishing;

/// <summary>
/// Which posts in an announcement channel are published to the servers that follow it, and when. Discord
/// allows about ten publishes per channel per hour, so the bot keeps its own count and never asks for more:
/// milestones (with the map), changes of control, digests that carry one, and corrections of news that was
/// published; never a hold, a ward or an announcement. When more are owed than the hour allows, milestones go
/// first, then corrections, then changes of control, then digests, oldest first within each; the last
/// <see cref="ReservedForMilestones"/> slots of an hour are kept for milestones and corrections, so a busy hour
/// of gains cannot crowd out "Half of councils declared". A publish still owed <see cref="OwedFor"/> after its
/// post went out is given up: by then it is old news to the followers.
/// </summary>
public static class PublishPolicy
{
    /// <summary>Discord's limit: publishes per channel in any hour.</summary>
    public const int PerHour = 10;

    /// <summary>Slots of each hour that changes of control and digests may not take.</summary>
    public const int ReservedForMilestones = 2;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static readonly TimeSpan OwedFor = TimeSpan.FromHours(2);

    /// <summary>
    /// The rank of one message, from the posts it carries (one post; a digest's several; an edited post and the
    /// correction that edited it), or null when it is not published.
    /// </summary>
    /// <param name="corrected">For a correction sent as a message of its own: the post it corrects, if known.</param>
    public static PublishRank? RankOf(IReadOnlyList<Post> posts, Post? corrected = null)
    {
        ArgumentNullException.ThrowIfNull(posts);
        if (posts.Any(p => p.Kind == PostKind.Milestone))
        {
            return PublishRank.Milestone;
        }

        var changes = posts.Any(p => p.Topic?.ControlChanged == true);
        if (posts.Count > 0 && posts.All(p => p.Kind == PostKind.Correction))
        {
            // Followers saw the original if it was published; a correction that is itself a change of control is news.
            var correctedRank = corrected is null || corrected.Kind == PostKind.Correction ? null : RankOf([corrected]);
            return changes || correctedRank is not null ? PublishRank.Correction : null;
        }

        if (posts.Count(p => p.Kind == PostKind.Declaration) > 1)
        {
            return changes ? PublishRank.Digest : null;
        }

        return changes && posts.Any(p => p.Kind is PostKind.Declaration or PostKind.Correction) ? PublishRank.ChangeOfControl : null;
    }

    /// <summary>What to publish next in a channel.</summary>
    /// <param name="owed">Messages owed a publish and not yet published (any order).</param>
    /// <param name="published">When each publish of the last hour (or more) was made in this channel.</param>
    public static PublishDecision Decide(IReadOnlyCollection<PublishCandidate> owed, IReadOnlyCollection<DateTimeOffset> published, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owed);
        ArgumentNullException.ThrowIfNull(published);
        var live = owed.Where(c => now - c.PostedAt < OwedFor).OrderBy(c => c.Rank).ThenBy(c => c.PostedAt).ToList();
        if (live.Count == 0)
        {
            return PublishDecision.Nothing;
        }

        var inHour = published.Where(at => now - at < Window).Order().ToList();
        var best = live[0];
        var room = best.Rank <= PublishRank.Correction ? PerHour : PerHour - ReservedForMilestones;
        if (inHour.Count < room)
        {
            return new PublishDecision(best, null);
        }

        // A slot frees when the publish that took it is an hour old.
        return new PublishDecision(null, inHour[inHour.Count - room] + Window);
    }
}
