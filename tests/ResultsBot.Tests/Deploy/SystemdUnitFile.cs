namespace ResultsBot.Tests.Deploy;

/// <summary>
/// A systemd unit file read as systemd reads it (systemd.syntax(7)): [Section] headers, Key=Value lines, '#' and ';'
/// comments, repeated keys kept in order, a value's surrounding spaces dropped. Anything else is refused.
/// </summary>
internal sealed class SystemdUnitFile
{
    private readonly List<(string Section, string Key, string Value)> _entries = [];

    private SystemdUnitFile(IReadOnlyList<string> commentedLines) => CommentedLines = commentedLines;

    /// <summary>Comment lines, without their '#': the unit offers some settings commented out.</summary>
    public IReadOnlyList<string> CommentedLines { get; }

    public IEnumerable<string> Sections => _entries.Select(e => e.Section).Distinct(StringComparer.Ordinal);

    public static SystemdUnitFile Parse(string text)
    {
        var comments = new List<string>();
        var unit = new SystemdUnitFile(comments);
        string? section = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is '#' or ';')
            {
                comments.Add(line[1..].Trim());
                continue;
            }

            if (line.EndsWith('\\'))
            {
                throw new FormatException($"line {number}: continued lines are not expected in this unit");
            }

            if (line[0] == '[')
            {
                section = line.EndsWith(']') ? line[1..^1] : throw new FormatException($"line {number}: unclosed section header");
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (section is null || equals <= 0)
            {
                throw new FormatException($"line {number}: not Key=Value inside a section: {line}");
            }

            var key = line[..equals].TrimEnd();
            if (!key.All(c => char.IsAsciiLetterOrDigit(c)))
            {
                throw new FormatException($"line {number}: '{key}' is not a key systemd would accept");
            }

            unit._entries.Add((section, key, line[(equals + 1)..].Trim()));
        }

        return unit;
    }

    public IReadOnlyList<string> All(string section, string key) =>
        [.. _entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value)];

    /// <summary>The one value of a key that must be given once.</summary>
    public string Single(string section, string key) => All(section, key) switch
    {
        [var only] => only,
        var values => throw new InvalidOperationException($"[{section}] {key}: {values.Count} values, expected one"),
    };

    /// <summary>Environment= values: each a list of NAME=value assignments, a quoted one may hold spaces.</summary>
    public IReadOnlyDictionary<string, string> Environment()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in All("Service", "Environment"))
        {
            foreach (var assignment in Words(value))
            {
                var equals = assignment.IndexOf('=', StringComparison.Ordinal);
                variables[assignment[..equals]] = assignment[(equals + 1)..];
            }
        }

        return variables;
    }

    /// <summary>Splits a value into words as systemd does for ExecStart= and Environment=: spaces separate, double quotes group.</summary>
    public static IReadOnlyList<string> Words(string value)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in value)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (quoted)
        {
            throw new FormatException($"unclosed quote in: {value}");
        }

        if (any)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
