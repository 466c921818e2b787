using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Commands;

namespace ResultsBot.Domain.Subscriptions;

/// <summary>
/// A filter written the way /subscribe reads it ("region London; party Green; changes"), so what
/// /subscriptions shows can be typed back, and what is stored reads back the same.
/// </summary>
public static class SubscriptionText
{
    public static string Write(SubscriptionFilter filter)
    {
        var clauses = new List<string>();
        if (filter.Places.Count > 0)
        {
            clauses.Add("region " + string.Join(", ", filter.Places));
        }

        if (filter.Councils.Count > 0)
        {
            clauses.Add("councils " + string.Join(", ", filter.Councils));
        }

        if (filter.Parties.Count > 0)
        {
            clauses.Add("party " + string.Join(", ", filter.Parties));
        }

        if (filter.ChangesOnly)
        {
            clauses.Add("changes");
        }

        if (filter.Wards)
        {
            clauses.Add("wards");
        }

        if (filter.ElectionTypes.Count > 0)
        {
            clauses.Add("types " + string.Join(", ", filter.ElectionTypes));
        }

        if (filter.Digest is { } digest)
        {
            clauses.Add(digest ? "digest " + Durations(filter.DigestWindow ?? TimeSpan.FromSeconds(20)) : "digest off");
        }

        if (filter.Images is { } images)
        {
            clauses.Add(images ? "images on" : "images off");
        }

        if (filter.Publish)
        {
            clauses.Add("publish");
        }

        if (filter.ForumPerCouncil)
        {
            clauses.Add("forum per council");
        }

        return clauses.Count == 0 ? "everything" : string.Join("; ", clauses);
    }

    /// <summary>A sentence for people: "Posting here: councils in London, involving Green, changes of control only."</summary>
    public static string Describe(SubscriptionFilter filter)
    {
        var parts = new List<string>();
        var places = filter.Places.Concat(filter.Councils).ToList();
        parts.Add(places.Count == 0 ? "every result" : "results in " + Lists.And(places));
        if (filter.Parties.Count > 0)
        {
            parts.Add("involving " + Lists.Or([.. filter.Parties.Select(p => PartyNames.NameOf(new PartyCode(p)))]));
        }

        if (filter.ChangesOnly)
        {
            parts.Add("changes of control only");
        }

        if (filter.ElectionTypes.Count > 0)
        {
            parts.Add("elections: " + string.Join(", ", filter.ElectionTypes));
        }

        if (filter.Wards)
        {
            parts.Add("ward results too");
        }

        parts.Add(filter.Digest == true ? $"as digests every {Durations(filter.DigestWindow ?? TimeSpan.FromSeconds(20))}" : "each as it comes");
        if (Pictures(filter) is { } pictures)
        {
            parts.Add(pictures);
        }

        if (filter.Publish)
        {
            parts.Add("milestones and changes of control published to the servers that follow this channel");
        }

        if (filter.ForumPerCouncil)
        {
            parts.Add("in a forum a post per council");
        }

        var night = filter.NarrowsPlaces ? "" : " Night-wide news (milestones, the national share) too.";
        return string.Join(", ", parts) + "." + night;
    }

    // Milestones go only to channels that take night-wide news: a channel narrowed to places gets no milestone map.
    private static string? Pictures(SubscriptionFilter filter) => (filter.Images, filter.NarrowsPlaces) switch
    {
        (false, _) => "no pictures",
        (true, false) => "with pictures (the map at milestones and changes of control, each council's chamber)",
        (true, true) => "with pictures (the map at changes of control, each council's chamber)",
        (null, false) => "with the map at milestones",
        (null, true) => null,
    };

    // Exact, so that the stored filter reads back the window it was given ("2.5s", not "2s").
    internal static string Durations(TimeSpan span) =>
        span.TotalMinutes >= 1 && span.Ticks % TimeSpan.TicksPerMinute == 0
            ? $"{(int)span.TotalMinutes}m"
            : span.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
