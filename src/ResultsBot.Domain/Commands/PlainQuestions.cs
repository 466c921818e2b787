using System.Text.RegularExpressions;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// The questions people type in words on the night — "who won Birmingham", "how many seats have the Tories
/// lost", "what's the national share", "has Hartlepool declared" — turned into the command that answers them.
/// </summary>
internal static partial class PlainQuestions
{
    /// <summary>The command that answers a question in words ("/party Tories"), or null when it is not one the bot knows.</summary>
    public static string? CommandFor(string text)
    {
        var question = text.Trim().TrimEnd('?', '!', '.').Trim();
        foreach (var (pattern, command) in Routes)
        {
            var match = pattern.Match(question);
            if (match.Success)
            {
                return match.Groups["arg"].Success ? $"{command} {match.Groups["arg"].Value.Trim()}" : command;
            }
        }

        return null;
    }

    private static readonly (Regex Pattern, string Command)[] Routes =
    [
        (CouncilResult(), "/council"),
        (CouncilDeclared(), "/council"),
        (PartyTally(), "/party"),
        (PartyDoing(), "/party"),
        (Share(), "/share"),
        (Still(), "/awaiting"),
        (Gains(), "/gains"),
        (Scores(), "/scoreboard"),
    ];

    [GeneratedRegex(@"^(?:who(?:'s| has| have)? won|who took|what happened in|(?:the )?results? (?:in|for|of)) (?:the )?(?<arg>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CouncilResult();

    [GeneratedRegex(@"^(?:has|have|did) (?<arg>.+?) declared(?: yet)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CouncilDeclared();

    [GeneratedRegex(@"^how many (?:seats|councillors|councils) (?:have|has|did) (?:the )?(?<arg>.+?) (?:won|lost|gained|got|taken|win|lose|gain|get)(?: so far| tonight)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartyTally();

    [GeneratedRegex(@"^how (?:are|is|did|have) (?:the )?(?<arg>.+?) (?:doing|do|done|getting on)(?: so far| tonight)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartyDoing();

    [GeneratedRegex(@"^(?:what(?:'s| is) )?(?:the )?(?:projected )?(?:national share|pns)(?: so far)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Share();

    [GeneratedRegex(@"^(?:who(?:'s| is) (?:still )?(?:left|to declare)|what(?:'s| is) (?:still )?(?:left|to come)|who hasn't declared(?: yet)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Still();

    [GeneratedRegex(@"^(?:any gains|what (?:has|have) changed hands|who(?:'s| has) gained(?: what)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Gains();

    [GeneratedRegex(@"^(?:the )?(?:scores?|state of play|where are we|what(?:'s| is) the score)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scores();
}
