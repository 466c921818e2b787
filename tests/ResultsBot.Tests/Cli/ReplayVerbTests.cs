using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

public sealed class ReplayVerbTests
{
    [Fact]
    public async Task Replay_PaFolder_PostsEachCouncilWithItsHeadlineSeatsAndCount()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed(
            "Local_Test_result_Thurrock_1.xml",
            "Local_Test_result_Adur_1.xml",
            "Local_Test_result_Barnet_1.xml",
            "Local_Test_result_Bolton_1.xml");

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var posts = Posts.Split(stdout);
        Assert.Equal(
            ["Bolton stays under no overall control", "Labour hold Adur", "Labour lose Barnet to no overall control", "Reform UK gain Thurrock from Labour"],
            posts.Select(p => p[0]).Order(StringComparer.Ordinal));
        var thurrock = posts.Single(p => p[0].Contains("Thurrock", StringComparison.Ordinal));
        Assert.Contains("New council: Reform UK 25 (+21), Independents 9 (+1), Conservatives 8 (-3), Labour 7 (-19)", thurrock);
        Assert.Contains("Reform UK majority of 1", thurrock);
        Assert.Equal(["1 of 4 declared", "2 of 4 declared", "3 of 4 declared", "4 of 4 declared"], posts.Select(p => p[^1]));
    }

    [Fact]
    public async Task Replay_ConsoleDigestWithShortWindow_GroupsThreeDeclarationsThatArriveTogether()
    {
        // Console:DigestWindow=2s is a valid setting; the console's stored filter used to lose the digest.
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Adur_1.xml", "Local_Test_result_Barnet_1.xml", "Local_Test_result_Bexley_1.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path, "--Console:Digest=true", "--Console:DigestWindow=2s");

        Assert.Equal(0, exit);
        var post = Assert.Single(Posts.Split(stdout));
        Assert.Equal(
            ["3 councils declared", "Labour hold Adur", "Labour lose Barnet to no overall control", "Conservatives lose Bexley to no overall control", "3 of 3 declared"],
            post);
    }

    [Fact]
    public async Task Replay_RevisionTwoChangesResult_PostsCorrectionAfterOriginal()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Bolton_1.xml", "Local_Test_result_Bolton_2.xml");

        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        Assert.Equal(0, exit);
        var posts = Posts.Split(stdout);
        Assert.Equal(["Bolton stays under no overall control", "Correction: Bolton stays under no overall control"], posts.Select(p => p[0]));
        Assert.Equal(
            "Revision 2 corrects the earlier result: Labour 24 seats (was 25); Conservatives 11 seats (was 10); Labour won 6 (was 7); Conservatives won 3 (was 2).",
            posts[1][1]);
        Assert.Contains("Council now: Labour 24, Independents 15, Conservatives 11, Liberal Democrats 8, Greens 2", posts[1]);
    }

    [Fact]
    public async Task Replay_RevisionFileNamedToSortFirst_StillPostsOriginalThenCorrection()
    {
        using var dir = new TempDirectory();
        File.Copy(Paths.SharedFeedFile("Local_Test_result_Bolton_2.xml"), dir.File("a-bolton-correction.xml"));
        File.Copy(Paths.SharedFeedFile("Local_Test_result_Bolton_1.xml"), dir.File("b-bolton.xml"));

        var (_, stdout, _) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        Assert.Equal(["Bolton stays under no overall control", "Correction: Bolton stays under no overall control"], Posts.Headlines(stdout));
    }

    [Fact]
    public async Task Replay_OutcomeChangedByRevision_CorrectionSaysWhatTheCallIsNow()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml");
        var revised = File.ReadAllText(Paths.SharedFeedFile("Local_Test_result_Thurrock_1.xml"))
            .Replace("revision='1'", "revision='2'", StringComparison.Ordinal)
            .Replace("winningParty='Reform' gainOrHold='gain'", "winningParty='NOC' gainOrHold='lose to NOC'", StringComparison.Ordinal)
            .Replace("name='Reform' paId='664' seats='25'", "name='Reform' paId='664' seats='24'", StringComparison.Ordinal)
            .Replace("name='Lab' paId='662' seats='7'", "name='Lab' paId='662' seats='8'", StringComparison.Ordinal);
        File.WriteAllText(dir.File("Local_Test_result_Thurrock_2.xml"), revised);

        var (_, stdout, _) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        var posts = Posts.Split(stdout);
        Assert.Equal(["Reform UK gain Thurrock from Labour", "Correction: Labour lose Thurrock to no overall control"], posts.Select(p => p[0]));
        Assert.StartsWith("Revision 2 corrects the earlier result: now \"Labour lose Thurrock to no overall control\", not \"Reform UK gain Thurrock from Labour\"", posts[1][1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_SameRevisionTwiceOrLowerLater_PostsOnce()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Bolton_2.xml");
        File.Copy(Paths.SharedFeedFile("Local_Test_result_Bolton_2.xml"), dir.File("copy-of-bolton-2.xml"));

        var (_, stdout, _) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        Assert.Equal(["Bolton stays under no overall control"], Posts.Headlines(stdout));
    }

    [Fact]
    public async Task Replay_FolderWithBadInputs_ReportsEachOnceAndPostsEveryGoodCouncil()
    {
        using var dir = new TempDirectory();
        using var secrets = new TempDirectory();
        using var recorder = new ConnectionRecorder();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_result_Cheltenham_1.xml", "Local_Test_result_Essex_1.xml");
        var bad = BadFeeds.WriteInto(dir.Path, secrets.File("secret.txt"), recorder.Url);

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        Assert.Equal(0, exit);
        Assert.Equal(3, Posts.Headlines(stdout).Count);
        foreach (var name in bad)
        {
            Assert.Single(stderr.Split('\n'), line => line.Contains("Skipped " + name + ":", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(BadFeeds.SecretMarker, stdout + stderr, StringComparison.Ordinal);
        Assert.Equal(0, recorder.Connections);
    }

    [Fact]
    public async Task Replay_WithSpeed_SpacesPostsAsTheNightWould()
    {
        using var dir = new TempDirectory();
        dir.CopyFeed("Local_Test_result_Thurrock_1.xml", "Local_Test_result_Adur_1.xml", "Local_Test_result_Bolton_1.xml");

        // Declarations without times are a minute apart; at 120x that is half a second each.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (exit, stdout, _) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path, "--speed", "120");

        Assert.Equal(0, exit);
        Assert.Equal(3, Posts.Headlines(stdout).Count);
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(1), $"three posts at 120x took only {started.Elapsed}");
    }
}
