using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Text;
using ResultsBot.Rendering.Charts;

namespace ResultsBot.Rendering.Pictures;

/// <summary>The night's map from the results book: every council the night names, placed by its GSS code.</summary>
public static class NightMap
{
    /// <param name="upTo">Draw the night as it stood when this many councils had declared (a milestone's map); null for now.</param>
    public static MapPicture From(ResultsBook book, string source, DateTimeOffset at, CultureInfo culture, int? upTo = null)
    {
        var declarations = book.Declarations.Where(d => upTo is not { } n || book.DeclarationNumber(d) <= n).ToList();
        var declared = declarations.ToDictionary(d => d.Council.Key, StringComparer.Ordinal);
        var councils = new List<MapCouncil>();
        foreach (var (key, name) in book.KnownCouncils)
        {
            if (CouncilTable.Find(name)?.Gss is not { } gss)
            {
                continue;
            }

            var declaration = declared.GetValueOrDefault(key);
            councils.Add(declaration switch
            {
                null => new MapCouncil(gss, name, MapState.Awaiting),
                { Controller.IsNoOverallControl: true } => new MapCouncil(gss, name, MapState.NoOverallControl),
                var d => new MapCouncil(gss, name, MapState.Controlled, PartyColours.Of(d.Controller), Gained: d.Controller != d.Sitting),
            });
        }

        var controlled = declarations.Where(d => !d.Controller.IsNoOverallControl)
            .GroupBy(d => d.Controller)
            .OrderByDescending(g => g.Count()).ThenBy(g => PartyNames.NameOf(g.Key), StringComparer.Ordinal)
            .Select(g => new LegendEntry(PartyNames.NameOf(g.Key), PartyColours.Of(g.Key), g.Count()));
        var legend = controlled
            .Append(new LegendEntry("No overall control", PartyColours.NoOverallControl, declarations.Count(d => d.Controller.IsNoOverallControl)))
            .Append(new LegendEntry("Still to declare", "#FFFFFF", councils.Count(c => c.State == MapState.Awaiting), IsControl: false))
            .ToList();
        var progress = Progress.Councils(declarations.Count, book.ExpectedCount, culture);
        var footer = $"{source} · {UkTime.Format(at, culture)} · layout: Open Innovations";
        return new MapPicture("Council control tonight", progress, footer, councils, legend);
    }
}
