using System.Globalization;

namespace ResultsBot.Rendering.Charts;

/// <summary>
/// Where each council sits on the hex map, by GSS code (odd-r offset coordinates, north up), from the layout
/// tools/make_hex_layout.py makes out of Open Innovations' HexJSON (MIT; Maps/NOTICE.md).
/// </summary>
public static class HexLayout
{
    private static readonly Lazy<IReadOnlyDictionary<string, HexCell>> Districts = new(() => Load("district"));
    private static readonly Lazy<IReadOnlyDictionary<string, HexCell>> Counties = new(() => Load("county"));

    /// <summary>Lower-tier and unitary councils.</summary>
    public static IReadOnlyDictionary<string, HexCell> DistrictCells => Districts.Value;

    /// <summary>County councils, from the upper-tier layout.</summary>
    public static IReadOnlyDictionary<string, HexCell> CountyCells => Counties.Value;

    private static Dictionary<string, HexCell> Load(string layer)
    {
        using var stream = typeof(HexLayout).Assembly.GetManifestResourceStream("Maps.uk-councils.hex.csv")
            ?? throw new InvalidOperationException("the hex layout is not embedded in the rendering assembly");
        using var reader = new StreamReader(stream);
        var cells = new Dictionary<string, HexCell>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var parts = line.Split(',');
            if (parts[0] == layer)
            {
                cells[parts[1]] = new HexCell(int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
            }
        }

        return cells;
    }
}

/// <summary>A hex's column and row in an odd-r layout; rows count up from the south.</summary>
public readonly record struct HexCell(int Q, int R);
