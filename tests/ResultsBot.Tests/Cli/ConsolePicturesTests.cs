using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Parties;
using ResultsBot.Feeds;
using ResultsBot.Rendering.Charts;
using ResultsBot.Tests.Support;
using SkiaSharp;

namespace ResultsBot.Tests.Cli;

public sealed class ConsolePicturesTests
{
    private static readonly string Sample = Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024");

    [Fact]
    public async Task Replay_SampleWithAnImageFolder_WritesAMapPerMilestoneAsTheNightStoodThenAndAChamberPerCouncil()
    {
        using var dir = new TempDirectory();
        var images = Path.Combine(dir.Path, "pictures");

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "replay", Sample, $"--Console:ImageFolder={images}");

        Assert.True(exit == 0, stderr);
        var milestones = Directory.GetFiles(images, "*-milestone-*.png").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, milestones.Count);
        Assert.Contains($"Picture: {milestones[1]}\nAlt text: Council control tonight: hex map of Great Britain's councils, one hexagon each. 54 of 107 councils declared.", stdout, StringComparison.Ordinal);

        // Half-way: the first 54 councils in the feed's order are coloured by who controls them; the rest are outlined.
        var declarations = Directory.GetFiles(Sample, "*.xml").Order(StringComparer.Ordinal)
            .Select(f => FeedParser.Parse(File.ReadAllBytes(f), Path.GetFileName(f)).Messages.OfType<Domain.Messages.CouncilDeclaration>().Single())
            .ToList();
        using var half = SKBitmap.Decode(milestones[1]);
        foreach (var (declaration, index) in declarations.Select((d, i) => (d, i)))
        {
            var centre = HexMapChart.Centre(HexLayout.DistrictCells[CouncilTable.Find(declaration.Council.Name)!.Gss!]);
            var expected = index >= 54 ? SKColors.White
                : declaration.Controller.IsNoOverallControl ? SKColor.Parse(PartyColours.NoOverallControl)
                : SKColor.Parse(PartyColours.Of(declaration.Controller));
            Assert.True(half.GetPixel((int)centre.X, (int)centre.Y) == expected, $"{declaration.Council.Name} at the half-way map");
        }

        // Changes of control carry the map too, and every council its new chamber: one dot per seat in its party's colour.
        Assert.Equal(declarations.Count(d => d.Controller != d.Sitting), Directory.GetFiles(images, "*-council-*-map.png").Length);
        Assert.Equal(declarations.Count, Directory.GetFiles(images, "*-council-*-chamber.png").Length);
        foreach (var declaration in declarations)
        {
            var file = Assert.Single(Directory.GetFiles(images, $"*-{Slug(declaration.Key)}-chamber.png"));
            using var chamber = SKBitmap.Decode(file);
            var counted = ChamberChart.SeatCentres(declaration.TotalSeats)
                .GroupBy(seat => chamber.GetPixel((int)MathF.Round(seat.X), (int)MathF.Round(seat.Y)))
                .ToDictionary(g => g.Key, g => g.Count());
            var expected = declaration.NewCouncil.GroupBy(p => SKColor.Parse(PartyColours.Of(p.Party))).ToDictionary(g => g.Key, g => g.Sum(p => p.Seats));
            Assert.True(
                expected.OrderBy(e => e.Key.ToString()).SequenceEqual(counted.OrderBy(e => e.Key.ToString())),
                $"{declaration.Council.Name}'s chamber has {string.Join(", ", counted.Select(c => $"{c.Value} {c.Key}"))}");
        }
    }

    [Fact]
    public async Task Replay_WithoutAnImageFolder_WritesNoPicturesAndPrintsNoPictureLines()
    {
        using var dir = new TempDirectory();

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "replay", Sample);

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("Picture:", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "images")));
    }

    [Fact]
    public async Task Ask_ChamberWithAnImageFolder_WritesThePictureAndSaysWhere()
    {
        using var dir = new TempDirectory();
        var images = Path.Combine(dir.Path, "pictures");

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "ask", "/chamber Thurrock", $"--Feed:Source={Sample}", $"--Console:ImageFolder={images}");

        Assert.True(exit == 0, stderr);
        var file = Assert.Single(Directory.GetFiles(images, "*-chamber-chamber.png"));
        Assert.Contains($"Picture: {file}\nAlt text: Thurrock: the new council as a half circle of 49 seats", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_OnAMachineWithNoFonts_DrawsTheSamePicture()
    {
        using var dir = new TempDirectory();
        var withFonts = Path.Combine(dir.Path, "with-fonts");
        var noFonts = Path.Combine(dir.Path, "no-fonts");
        var ask = new[] { "ask", "/chamber Thurrock", $"--Feed:Source={Sample}" };

        var (exit, _, stderr) = await BotProcess.RunAsync(dir.Path, [.. ask, $"--Console:ImageFolder={withFonts}"]);
        Assert.True(exit == 0, stderr);

        // The same command in a mount namespace where every font folder of the machine is empty (as on a slim
        // server or container): the picture's text comes from the font the bot ships, so nothing may change.
        var hide = string.Join(" && ", FontFolders.Select(f => $"mount -t tmpfs none {f}"));
        var script = $"{hide} && test -z \"$(find {string.Join(' ', FontFolders)} -type f)\" && exec \"$@\"";
        var (hiddenExit, _, hiddenErr) = await BotProcess.RunUnderAsync(
            ["unshare", "-rm", "sh", "-c", script, "sh"], dir.Path, [.. ask, $"--Console:ImageFolder={noFonts}"]);
        Assert.True(hiddenExit == 0, hiddenErr);

        var drawn = Assert.Single(Directory.GetFiles(noFonts, "*.png"));
        Assert.Equal(File.ReadAllBytes(Assert.Single(Directory.GetFiles(withFonts, "*.png"))), File.ReadAllBytes(drawn));

        // And the text is there: a font looked up by name finds nothing on such a machine, and its text vanishes in both runs alike.
        using var picture = SKBitmap.Decode(drawn);
        var titleInk = Enumerable.Range(0, picture.Width).SelectMany(x => Enumerable.Range(10, 40).Select(y => picture.GetPixel(x, y)))
            .Count(p => p.Red < 0x60 && p.Green < 0x60 && p.Blue < 0x60);
        Assert.True(titleInk > 500, $"the title band has {titleInk} dark pixels: the title was not drawn");
    }

    private static readonly string[] FontFolders = [.. new[] { "/usr/share/fonts", "/usr/local/share/fonts" }.Where(Directory.Exists)];

    private static string Slug(string subject) => new([.. subject.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    [Fact]
    public async Task Run_MapChamberAndChartTyped_WriteTheirPicturesBesideTheDatabaseAndPrintWhere()
    {
        using var dir = new TempDirectory();
        using var bot = BotProcess.Start(dir.Path, "run", "--Replay:Speed=1000000");
        await bot.WaitForOutputAsync(o => o.Contains("All 107 councils have declared", StringComparison.Ordinal), TimeSpan.FromSeconds(90), "the whole sample");

        await bot.Stdin.WriteAsync("/map\n/chamber Thurrock\n/chart\n");
        await bot.Stdin.FlushAsync();
        await bot.WaitForOutputAsync(o => o.Contains("Alt text: Councillors: net change", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the three pictures");
        bot.Kill();

        var images = Path.Combine(dir.Path, "images");
        Assert.Single(Directory.GetFiles(images, "*-map-map.png"));
        Assert.Single(Directory.GetFiles(images, "*-chamber-chamber.png"));
        Assert.Single(Directory.GetFiles(images, "*-chart-chart.png"));
        Assert.Contains("Alt text: Thurrock: the new council as a half circle of 49 seats", bot.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(images, "*-milestone-*.png").Length);
    }
}
