using System.Globalization;
using ResultsBot.Fakes.Discord;

namespace ResultsBot.Tests.Support;

/// <summary>
/// The bundled sample night (107 English councils, 2 May 2024) as a feed folder the bot reads in declaration
/// order, and what a channel taking every picture ("images on") must show for it, checked message by message.
/// </summary>
internal static class SampleNight
{
    public const int Councils = 107;

    /// <summary>Posts in a night: one per council and four milestones (a quarter, half, three quarters, all).</summary>
    public const int Posts = Councils + 4;

    private static string Folder => Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024");

    /// <summary>
    /// Copies the night's files into <paramref name="feed"/>, all with one time stamp, so one poll reads them in
    /// name order, which (001_…, 002_…) is the order they declared in. First comes PA's state of the parties
    /// before any result, as the live feed sends it: it tells the bot the night holds 107 councils (a replay
    /// counts the files instead), without which there are no milestones.
    /// </summary>
    public static void CopyInto(TempDirectory feed)
    {
        var stamp = new DateTime(2024, 5, 3, 6, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(WriteStateOfParties(feed), stamp);
        foreach (var file in Files)
        {
            var copy = feed.File(Path.GetFileName(file));
            File.Copy(file, copy, overwrite: true);
            File.SetLastWriteTimeUtc(copy, stamp);
        }
    }

    /// <summary>The night's result files in the order they declared (by name: 001_…, 002_…).</summary>
    public static IReadOnlyList<string> Files => [.. Directory.GetFiles(Folder, "*.xml").Order(StringComparer.Ordinal)];

    /// <summary>Writes PA's state of the parties before any result (see <see cref="CopyInto"/>) into the feed; returns its path.</summary>
    public static string WriteStateOfParties(TempDirectory feed)
    {
        var state = feed.File("000_Local_2024_SOP_0.xml");
        File.WriteAllText(state, $"""
            <?xml version='1.0' encoding='UTF-8'?>
            <LocalStateOfParties region='All' numberOfResults='0' totalNumberOfCouncils='{Councils}'>
              <Election date='2024-05-02' paId='1'/>
              <Parties/>
            </LocalStateOfParties>
            """);
        return state;
    }

    /// <summary>
    /// Every post once, in declaration order, each with its pictures once: the milestones and each change of control
    /// (someone gains or loses a council) carry the map as the night stood then, every council its chamber, each
    /// picture with its alt text and the main one shown in the embed. Returns what is wrong, or null.
    /// </summary>
    public static string? ProblemsWithImagesOn(IReadOnlyList<FakeDiscordMessage> messages)
    {
        var problems = new List<string>();
        var declared = 0;
        var milestones = new[] { "A quarter of councils declared: 27 of 107", "Half of councils declared: 54 of 107", "Three quarters of councils declared: 81 of 107", "All 107 councils have declared" };
        var milestoneAfter = new[] { 27, 54, 81, 107 };
        var milestonesSeen = 0;
        var expectedFiles = Directory.GetFiles(Folder, "*.xml").Order(StringComparer.Ordinal).Select(CouncilOf).ToList();
        foreach (var message in messages)
        {
            var title = message.Title ?? "(no title)";
            var names = message.Attachments.Select(a => a.FileName).ToList();
            if (title.Contains("councils declared:", StringComparison.Ordinal) || title.Contains("councils have declared", StringComparison.Ordinal))
            {
                if (milestonesSeen >= milestones.Length || title != milestones[milestonesSeen] || declared != milestoneAfter[milestonesSeen])
                {
                    problems.Add($"milestone out of place after {declared} councils: {title}");
                }

                milestonesSeen++;
                Expect(problems, title, names, ["map.png"]);
                ExpectMapProgress(problems, title, message, declared);
            }
            else
            {
                declared++;
                var council = declared <= expectedFiles.Count ? expectedFiles[declared - 1] : "(none)";
                if (!title.Contains(council, StringComparison.Ordinal))
                {
                    problems.Add($"declaration {declared} should be {council}: {title}");
                }

                var changed = title.Contains(" gain ", StringComparison.Ordinal) || title.Contains(" lose ", StringComparison.Ordinal);
                Expect(problems, title, names, changed ? ["map.png", "chamber.png"] : ["chamber.png"]);
                if (changed)
                {
                    ExpectMapProgress(problems, title, message, declared);
                }

                if (message.Attachments.FirstOrDefault(a => a.FileName == "chamber.png") is { } chamber && !(chamber.Description ?? "").Contains("seats are needed for a majority", StringComparison.Ordinal))
                {
                    problems.Add($"{title}: the chamber's alt text is \"{chamber.Description}\"");
                }
            }

            if (message.Attachments.Count > 0 && message.ImageUrl != "attachment://" + message.Attachments[0].FileName)
            {
                problems.Add($"{title}: the embed shows {message.ImageUrl ?? "no picture"}");
            }

            foreach (var attachment in message.Attachments.Where(a => !a.IsPng || a.Size < 1000 || string.IsNullOrWhiteSpace(a.Description)))
            {
                problems.Add($"{title}: {attachment.FileName} is not a PNG with alt text ({attachment.Size} bytes, \"{attachment.Description}\")");
            }
        }

        if (declared != Councils || milestonesSeen != milestones.Length)
        {
            problems.Add($"{declared} councils and {milestonesSeen} milestones posted, not {Councils} and {milestones.Length}");
        }

        return problems.Count == 0 ? null : string.Join("\n", problems.Take(20));
    }

    // "068_Local_2024_result_Thurrock_1.xml" → "Thurrock"; "Basingstoke_and_Deane" → "Basingstoke and Deane".
    private static string CouncilOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var start = name.IndexOf("_result_", StringComparison.Ordinal) + "_result_".Length;
        return name[start..name.LastIndexOf('_')].Replace('_', ' ');
    }

    private static void Expect(List<string> problems, string title, List<string> names, string[] expected)
    {
        if (!names.SequenceEqual(expected))
        {
            problems.Add($"{title}: pictures [{string.Join(", ", names)}], expected [{string.Join(", ", expected)}]");
        }
    }

    private static void ExpectMapProgress(List<string> problems, string title, FakeDiscordMessage message, int declared)
    {
        var progress = string.Create(CultureInfo.InvariantCulture, $"{declared} of {Councils} councils declared");
        if (message.Attachments.FirstOrDefault(a => a.FileName == "map.png") is { } map && !(map.Description ?? "").Contains(progress, StringComparison.Ordinal))
        {
            problems.Add($"{title}: the map's alt text should say \"{progress}\": \"{map.Description}\"");
        }
    }
}
