using System.Text;
using System.Text.RegularExpressions;

namespace ResultsBot.Tests.Fuzzing;

/// <summary>
/// Turns a good feed file (PA XML or a Democracy Club page) into a hostile one: truncated, bytes flipped, huge
/// and negative numbers, deep nesting, odd encodings, names with control and bidi characters, repeated
/// elements. Deterministic in its seed, so a failing case replays exactly.
/// </summary>
internal static partial class HostileFiles
{
    private static readonly string[] AbsurdNumbers =
    [
        "-2147483648", "2147483647", "2147483648", "-1", "99999999999999999999", "1.5", "1e308", "-0", "+7", "NaN", "", " 12 ", "0x10", "\u0663",
    ];

    private static readonly string[] HostileNames =
    [
        "\u202Eruda", "Ad\u0000ur", "Bell\u0007", "\u200F\u202Bx\u202C", "&#x1;", "&#x202E;Thurrock", "<b>", "**OFFICIAL**", "[x](http://evil.example)",
        "<@123456789>", "@everyone", "\t\r\n", new string('W', 300), "Ynys M\u00F4n \u2019", "\uD800",
    ];

    private static readonly string[] Declarations =
    [
        "encoding='windows-1252'", "encoding='utf-16'", "encoding='bogus-9'", "encoding='ISO-8859-1'", "encoding='utf-32'",
    ];

    public static byte[] Mutate(byte[] good, int seed)
    {
        var random = new Random(seed);
        var content = good;
        for (var times = random.Next(1, 4); times > 0; times--)
        {
            // Figures are where arithmetic breaks, so absurd numbers come up most often.
            content = random.Next(11) switch
            {
                0 => Truncate(content, random),
                1 => FlipBytes(content, random),
                2 or 9 or 10 => AbsurdNumber(content, random),
                3 => DeepNesting(content, random),
                4 => OddEncoding(content, random),
                5 => HostileName(content, random),
                6 => RepeatALine(content, random),
                7 => DeclareEncoding(content, random),
                _ => Garbage(random),
            };
        }

        return content;
    }

    private static byte[] Truncate(byte[] content, Random random) => content[..random.Next(content.Length + 1)];

    private static byte[] FlipBytes(byte[] content, Random random)
    {
        var flipped = (byte[])content.Clone();
        for (var i = random.Next(1, 6); i > 0 && flipped.Length > 0; i--)
        {
            flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
        }

        return flipped;
    }

    private static byte[] AbsurdNumber(byte[] content, Random random)
    {
        var text = Encoding.UTF8.GetString(content);
        var numbers = Number().Matches(text);
        if (numbers.Count == 0)
        {
            return content;
        }

        var target = numbers[random.Next(numbers.Count)];
        return Encoding.UTF8.GetBytes(text[..target.Index] + AbsurdNumbers[random.Next(AbsurdNumbers.Length)] + text[(target.Index + target.Length)..]);
    }

    private static byte[] DeepNesting(byte[] content, Random random)
    {
        var text = Encoding.UTF8.GetString(content);
        var depth = new[] { 10, 70, 5_000, 100_000 }[random.Next(4)];
        if (text.TrimStart().StartsWith('{'))
        {
            var brace = text.IndexOf('{', StringComparison.Ordinal);
            return Encoding.UTF8.GetBytes(text[..(brace + 1)] + "\"deep\": " + new string('[', depth) + new string(']', depth) + "," + text[(brace + 1)..]);
        }

        var root = RootStart().Match(text);
        if (!root.Success)
        {
            return content;
        }

        var at = root.Index + root.Length;
        return Encoding.UTF8.GetBytes(text[..at] + string.Concat(Enumerable.Repeat("<Election>", depth)) + string.Concat(Enumerable.Repeat("</Election>", depth)) + text[at..]);
    }

    private static byte[] OddEncoding(byte[] content, Random random)
    {
        var text = Encoding.UTF8.GetString(content);
        return random.Next(5) switch
        {
            0 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            1 => Encoding.Unicode.GetBytes(text),
            2 => Encoding.UTF32.GetBytes(text),
            3 => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. content],
            _ => Encoding.Latin1.GetBytes(text),
        };
    }

    private static byte[] HostileName(byte[] content, Random random)
    {
        var text = Encoding.UTF8.GetString(content);
        var names = Name().Matches(text);
        if (names.Count == 0)
        {
            return content;
        }

        var value = names[random.Next(names.Count)].Groups["value"];
        return Encoding.UTF8.GetBytes(text[..value.Index] + HostileNames[random.Next(HostileNames.Length)] + text[(value.Index + value.Length)..]);
    }

    private static byte[] RepeatALine(byte[] content, Random random)
    {
        var lines = Encoding.UTF8.GetString(content).Split('\n').ToList();
        var line = random.Next(lines.Count);
        for (var copies = random.Next(1, 3); copies > 0; copies--)
        {
            lines.Insert(line, lines[line]);
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static byte[] DeclareEncoding(byte[] content, Random random)
    {
        var text = Encoding.UTF8.GetString(content);
        var declared = Declarations[random.Next(Declarations.Length)];
        return Encoding.UTF8.GetBytes(text.Contains("encoding='UTF-8'", StringComparison.Ordinal)
            ? text.Replace("encoding='UTF-8'", declared, StringComparison.Ordinal)
            : $"<?xml version='1.0' {declared}?>" + text);
    }

    private static byte[] Garbage(Random random)
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"<[A-Za-z][^>]*>")]
    private static partial Regex RootStart();

    [GeneratedRegex("""(name=['"]|"name":\s*")(?<value>[^'"]*)""")]
    private static partial Regex Name();
}
