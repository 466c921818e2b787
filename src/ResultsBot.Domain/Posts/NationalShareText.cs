using System.Globalization;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>The projected national share in words: "Labour 34%, Conservatives 25%, Liberal Democrats 17%, others 24%".</summary>
public static class NationalShareText
{
    public static string Figures(NationalShare share, CultureInfo culture)
    {
        var parts = share.Shares.OrderByDescending(s => s.Percent)
            .Select(s => $"{PartyNames.NameOf(s.Party)} {s.Percent.ToString("0.#", culture)}%")
            .ToList();
        var others = 100 - share.Shares.Sum(s => s.Percent);
        if (others > 0 && !share.Shares.Any(s => s.Party.Value == "Oth"))
        {
            parts.Add($"others {others.ToString("0.#", culture)}%");
        }

        return string.Join(", ", parts);
    }

    public static string SourceLine(NationalShare share, CultureInfo culture) =>
        $"Source: {share.Source}, {UkTime.Format(share.At, culture)} (entered by {share.SetBy}).";

    /// <summary>The post a channel gets when a new figure arrives.</summary>
    public static Post Compose(NationalShare share, CultureInfo culture) =>
        new(PostKind.Announcement, share.Key, "Projected national share: " + Figures(share, culture), [SourceLine(share, culture)])
        {
            Colour = share.Shares.MaxBy(s => s.Percent) is { } leader ? PartyColours.Of(leader.Party) : null,
        };
}
