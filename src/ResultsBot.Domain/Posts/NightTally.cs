using System.Globalization;
using Humanizer;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;

namespace ResultsBot.Domain.Posts;

/// <summary>
/// "Reform UK's 3rd gain of the night; Labour's 5th loss." Counted over the declarations in the book
/// up to this council's, so it says only what the night's record carries.
/// </summary>
internal static class NightTally
{
    public static string? Describe(CouncilDeclaration declaration, ResultsBook book, CultureInfo culture)
    {
        if (!declaration.CallAgreesWithFigures)
        {
            return null; // no tally on a call awaiting confirmation
        }

        var gained = IsGain(declaration);
        var lost = IsLoss(declaration);
        if (!gained && !lost)
        {
            return null;
        }

        var sofar = book.DeclarationsBefore(declaration.Key).Append(declaration).ToList();
        var gains = gained ? $"{Possessive(declaration.Winner)} {Ordinal(sofar.Count(d => d.Winner == declaration.Winner && IsGain(d)), culture)} gain" : null;
        var losses = lost ? $"{Possessive(declaration.Sitting)} {Ordinal(sofar.Count(d => d.Sitting == declaration.Sitting && IsLoss(d)), culture)} loss" : null;
        return (gains, losses) switch
        {
            ({ } g, { } l) => $"{g} of the night; {l}.",
            ({ } g, null) => $"{g} of the night.",
            (null, { } l) => $"{l} of the night.",
            _ => null,
        };
    }

    private static bool IsGain(CouncilDeclaration d) => d.CallAgreesWithFigures && d.Outcome is ControlOutcome.Gain or ControlOutcome.GainFromNoOverallControl;

    private static bool IsLoss(CouncilDeclaration d) => d.CallAgreesWithFigures && d.Outcome is ControlOutcome.Gain or ControlOutcome.LossToNoOverallControl;

    // House style: words for first to ninth, figures from 10th.
    private static string Ordinal(int n, CultureInfo culture) => n < 10 ? n.ToOrdinalWords(culture) : n.Ordinalize(culture);

    private static string Possessive(PartyCode party)
    {
        var name = PartyNames.NameOf(party);
        return name.EndsWith('s') ? name + "'" : name + "'s";
    }
}
