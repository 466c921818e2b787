using System.Globalization;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// The projected national share in words: who leads and by how much ("Labour lead by 9 points"), then each
/// party's share ("Labour 34%, Conservatives 25%, Liberal Democrats 17%, others 24%") with its change in
/// points when the message carries last year's figures.
/// </summary>
public static class NationalShareText
{
    public static string Figures(NationalShare share, CultureInfo culture)
    {
        var parts = share.Shares.OrderByDescending(s => s.Percent)
            .Select(s => $"{PartyNames.NameOf(s.Party)} {Percent(s.Percent, culture)}{Change(s.Percent, s.Previous, culture)}")
            .ToList();
        var others = 100 - share.Shares.Sum(s => s.Percent);
        if (others > 0 && !share.Shares.Any(s => s.Party.Value == "Oth"))
        {
            // Others' change is known only when every party's previous share is.
            decimal? before = share.Shares.All(s => s.Previous is not null) ? 100 - share.Shares.Sum(s => s.Previous.GetValueOrDefault()) : null;
            parts.Add($"others {Percent(others, culture)}{Change(others, before is >= 0 ? before : null, culture)}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>"Labour lead by 9 points", "Labour and Conservatives level on 30%"; null with fewer than two parties.</summary>
    public static string? Lead(NationalShare share, CultureInfo culture)
    {
        if (share.Shares.OrderByDescending(s => s.Percent).ToList() is not [var first, var second, ..])
        {
            return null;
        }

        var gap = first.Percent - second.Percent;
        if (gap == 0)
        {
            var level = share.Shares.Where(s => s.Percent == first.Percent).Select(s => PartyNames.NameOf(s.Party)).ToList();
            return $"{Commands.Lists.And(level)} level on {Percent(first.Percent, culture)}";
        }

        return $"{PartyNames.NameOf(first.Party)} lead by {gap.ToString("0.#", culture)} {(gap == 1 ? "point" : "points")}";
    }

    /// <summary>What the changes are measured against, when there are any: "Changes in points on 2023."</summary>
    public static string? ChangeBasis(NationalShare share) =>
        share.Shares.Any(s => s.Previous is not null)
            ? "Changes in points on " + (share.PreviousYear is { } year ? year.ToString(CultureInfo.InvariantCulture) : "last year") + "."
            : null;

    public static string SourceLine(NationalShare share, CultureInfo culture) =>
        $"Source: {share.Source}, {UkTime.Format(share.At, culture)}{(share.SetBy.Length == 0 ? "" : $" (entered by {share.SetBy})")}.";

    /// <summary>The post a channel gets when a new figure arrives.</summary>
    public static Post Compose(NationalShare share, CultureInfo culture)
    {
        var lines = new List<string> { Figures(share, culture) + "." };
        if (ChangeBasis(share) is { } basis)
        {
            lines.Add(basis);
        }

        lines.Add(SourceLine(share, culture));
        var headline = "Projected national share: " + (Lead(share, culture) ?? Figures(share, culture));
        return new(PostKind.Announcement, share.Key, headline, [.. lines.Select(PostSection.Plain)])
        {
            Colour = share.Shares.MaxBy(s => s.Percent) is { } leader ? PartyColours.Of(leader.Party) : null,
        };
    }

    private static string Percent(decimal value, CultureInfo culture) => value.ToString("0.#", culture) + "%";

    private static string Change(decimal now, decimal? before, CultureInfo culture) =>
        before is { } b ? $" ({Points.Signed(now - b, culture)})" : "";
}
