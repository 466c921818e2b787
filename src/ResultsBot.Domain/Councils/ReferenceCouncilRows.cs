using System.Globalization;

namespace ResultsBot.Domain.Councils;

/// <summary>
/// Reads the register's rows from the text tools/make_council_table.py writes: one authority per line,
/// <c>code|GSS|name|official name|nation|region|type|start|end|successors;…|alternative names;…</c>.
/// The rows are text, not 470 constructor calls in one initializer: compiling that one method took the JIT
/// about 14 MB, which the C library kept for the life of the process (bench/FINDINGS.md, 5 December).
/// </summary>
public static class ReferenceCouncilRows
{
    private const int Fields = 11;

    public static ReferenceCouncil[] Parse(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rows = new ReferenceCouncil[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            rows[i] = Row(lines[i]);
        }

        return rows;
    }

    private static ReferenceCouncil Row(string line)
    {
        var f = line.Split('|');
        if (f.Length != Fields)
        {
            throw new FormatException($"A council row has {f.Length} fields, not {Fields}: {line}");
        }

        return new ReferenceCouncil(
            Code: f[0],
            Gss: Optional(f[1]),
            Name: f[2],
            OfficialName: f[3],
            Nation: f[4],
            Region: Optional(f[5]),
            Type: f[6],
            Start: Date(f[7]),
            End: Date(f[8]),
            ReplacedBy: List(f[9]),
            AlternativeNames: List(f[10]));
    }

    private static string? Optional(string field) => field.Length == 0 ? null : field;

    private static DateOnly? Date(string field) =>
        field.Length == 0 ? null : DateOnly.ParseExact(field, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] List(string field) => field.Length == 0 ? [] : field.Split(';');
}
