using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class CheckVerbTests
{
    [Fact]
    public async Task Check_MixedFolder_NamesEveryBadFileAndExitsNonZero()
    {
        using var dir = new TempDirectory();
        using var secrets = new TempDirectory();
        using var recorder = new ConnectionRecorder();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_SOP_34.xml", "Mayoral_Elections_Test_result_Hackney_3.xml");
        var bad = BadFeeds.WriteInto(dir.Path, secrets.File("secret.txt"), recorder.Url);

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "check", dir.Path);

        Assert.Equal(1, exit);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(bad, lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains(lines, l => l.StartsWith("bad_entities.xml: it declares a DTD", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("bad_huge_name.xml:", StringComparison.Ordinal) && l.Contains("204,800 characters long", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("bad_negative_seats.xml:", StringComparison.Ordinal) && l.Contains("seats='-25' is out of range", StringComparison.Ordinal));
        Assert.Contains("checked 12 files: 9 bad", stderr, StringComparison.Ordinal);
        Assert.Equal(0, recorder.Connections);
    }

    [Fact]
    public async Task Check_GoodFeed_ExitsZeroAndPrintsNothingOnStdout()
    {
        var (exit, stdout, stderr) = await BotProcess.RunAsync(Paths.RepoRoot, "check", Paths.SharedFeeds);

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("checked ", stderr, StringComparison.Ordinal);
    }
}
