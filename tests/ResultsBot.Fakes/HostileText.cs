using System.Text;

namespace ResultsBot.Fakes;

/// <summary>
/// Feed and user text as an adversary (or a typo) would write it: markdown, masked and bare links, mentions,
/// timestamps, emoji, line-start markers, bidi controls, mixed with ordinary words. Seeded, so a failure
/// names the seed that replays it.
/// </summary>
public static class HostileText
{
    private static readonly string[] Fragments =
    [
        "[OFFICIAL](http://evil.example/x)", "[x](<https://evil.example>)", "https://evil.example/path?q=1", "http://a.b",
        "<@123456789012345678>", "<@!42>", "<#987654321>", "<@&1111>", "<t:1700000000:R>", "</share set:1>", "<:pepe:123>", "<a:wave:9>",
        "<!channel>", "<!here>", "<https://slack.example|click>", "<mailto:a@b.c|mail>", "&lt;", "&amp;", "&",
        "@everyone", "@here", "**OFFICIAL**", "*bold*", "_italic_", "__under__", "~~strike~~", "~s~", "`code`", "```block```", "||spoiler||",
        "> quote", ">>> all", "# Heading", "## Sub", "-# small", "- item", "* item", "+ item", "1. first", "12) twelve", ":smile:", ":flag_gb:",
        "\u202Egnp.exe", "\u2066isolated\u2069", "\u200Fmark", "\u061C", "\u0007bell", "\\", "\\*", "\\\\*x*", "\n", "\n\n", " ", "  ",
        "Labour", "Conservative", "Thurrock", "St Helens", "Bradford & Keighley", "O'Neill", "Smith-Jones", "(Ind)", "34%", "−2", "😀",
    ];

    /// <summary>Between one and <paramref name="maxFragments"/> fragments joined, sometimes with no space between them.</summary>
    public static string Next(Random random, int maxFragments = 8)
    {
        var builder = new StringBuilder();
        var count = random.Next(1, maxFragments + 1);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Fragments[random.Next(Fragments.Length)]);
            if (random.Next(3) > 0)
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    /// <summary>Long hostile text, to reach the places where renderers cut and split.</summary>
    public static string Long(Random random, int atLeast)
    {
        var builder = new StringBuilder();
        while (builder.Length < atLeast)
        {
            builder.Append(Next(random, 20)).Append('\n');
        }

        return builder.ToString();
    }
}
