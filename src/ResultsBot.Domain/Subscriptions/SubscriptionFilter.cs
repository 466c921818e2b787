using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Domain.Subscriptions;

/// <summary>
/// What a channel wants posted. Empty lists mean "any". Night-wide news (milestones, the national
/// share) goes to every channel that did not narrow itself to places (councils, regions, nations).
/// </summary>
/// <param name="Places">Regions and nations, by their names in <see cref="Regions"/>.</param>
/// <param name="Councils">Council names (matched by CouncilKey).</param>
/// <param name="Parties">Canonical party codes: only results that involve one of them.</param>
/// <param name="ChangesOnly">Only gains and losses of control.</param>
/// <param name="ElectionTypes">"council", "mayor", "ward", "by-election", "referendum"; empty is all but wards.</param>
/// <param name="Digest">Group declarations into digests; null leaves it to the platform's default (off).</param>
public sealed record SubscriptionFilter(
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Councils,
    IReadOnlyList<string> Parties,
    bool ChangesOnly,
    IReadOnlyList<string> ElectionTypes,
    bool? Digest = null,
    TimeSpan? DigestWindow = null)
{
    /// <summary>The election type a channel gets only by naming it.</summary>
    public const string OptInType = "ward";

    public static SubscriptionFilter Everything { get; } = new([], [], [], false, []);

    /// <summary>Ward results too, on top of whatever else the filter lets through (the "wards" clause).</summary>
    public bool Wards { get; init; }

    /// <summary>
    /// Pictures with posts ("images on|off"): on is the map with milestones and changes of control and each
    /// council's chamber with its result; off is none; null (the default) is the map with milestones only, so a
    /// busy channel is not flooded.
    /// </summary>
    public bool? Images { get; init; }

    /// <summary>
    /// Publish this channel's news to the servers that follow it ("publish"): only for a Discord announcement
    /// channel, and only the posts <see cref="PublishPolicy"/> picks, within Discord's limit.
    /// </summary>
    public bool Publish { get; init; }

    /// <summary>
    /// In a channel that takes posts only as threads (a Discord forum): one post (thread) per council, each council's
    /// results as replies in it ("forum per council"), instead of one for the night (the default, "forum per night").
    /// Night-wide news goes in the night's post either way. Elsewhere it changes nothing.
    /// </summary>
    public bool ForumPerCouncil { get; init; }

    public bool NarrowsPlaces => Places.Count > 0 || Councils.Count > 0;

    public bool Matches(Post post)
    {
        if (post.Topic is not { } topic)
        {
            return !NarrowsPlaces;
        }

        if (ElectionTypes.Count > 0 && !ElectionTypes.Contains(topic.ElectionType, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        // A night has thousands of wards: only channels that ask for them ("wards", "types wards") get them.
        if (topic.ElectionType == OptInType && !Wards && !ElectionTypes.Contains(OptInType, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (ChangesOnly && !topic.ControlChanged)
        {
            return false;
        }

        if (Parties.Count > 0 && !Parties.Any(topic.Parties.Contains))
        {
            return false;
        }

        if (!NarrowsPlaces)
        {
            return true;
        }

        // Councils and places add up: "region London; councils Hull" is London and Hull.
        var council = Regions.Canonical(topic.CouncilKey);
        return Councils.Any(c => Regions.Canonical(CouncilKey.For(c)) == council)
            || Places.Contains(Regions.RegionOf(topic.CouncilKey) ?? "", StringComparer.Ordinal)
            || Places.Contains(Regions.NationOf(topic.CouncilKey) ?? "", StringComparer.Ordinal);
    }
}
