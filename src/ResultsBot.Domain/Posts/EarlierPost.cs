using System.Globalization;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// How a correction names the post it corrects: "our 01:23 post" (UK time: the original's declaration
/// time, or when it was received when the feed gave none), or "our earlier post" when neither is known.
/// </summary>
public static class EarlierPost
{
    public static string Named(DateTimeOffset? at, CultureInfo culture) =>
        at is { } time ? $"our {UkTime.Clock(time, culture)} post" : "our earlier post";
}
