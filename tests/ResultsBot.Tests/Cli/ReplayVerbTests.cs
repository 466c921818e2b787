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
        Assert.Contains("Seats won: Reform UK 25 (+21), Independents 9 (+1), Conservatives 8 (-3), Labour 7 (-19)", thurrock);
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
        Assert.Matches(
            @"^Our \d\d:\d\d post gave the wrong figures: Lab 24 \(not 25\), Con 11 \(not 10\), Lab won 6 \(not 7\), Con won 3 \(not 2\)\. "
            + @"The call is unchanged: Bolton stays under no overall control\.$",
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
        Assert.Matches(@"^Our \d\d:\d\d post said Reform UK gain from Labour; Labour lose control \(no overall control\)\. Reform 24 of 49, 1 short\.$", posts[1][1]);
    }

    [Fact]
    public async Task Replay_FirstCallContradictedByItsSeatsThenCorrected_NeverPrintsTheImpossibleMajority()
    {
        using var dir = new TempDirectory();
        var original = File.ReadAllText(Paths.SharedFeedFile("Local_Test_result_Thurrock_1.xml"));
        var contradicted = original
            .Replace("name='Reform' paId='664' seats='25'", "name='Reform' paId='664' seats='19'", StringComparison.Ordinal)
            .Replace("name='Lab' paId='662' seats='7'", "name='Lab' paId='662' seats='13'", StringComparison.Ordinal);
        File.WriteAllText(dir.File("Local_Test_result_Thurrock_1.xml"), contradicted);
        File.WriteAllText(dir.File("Local_Test_result_Thurrock_2.xml"), contradicted
            .Replace("revision='1'", "revision='2'", StringComparison.Ordinal)
            .Replace("winningParty='Reform' gainOrHold='gain'", "winningParty='NOC' gainOrHold='lose to NOC'", StringComparison.Ordinal));

        var (_, stdout, _) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        var posts = Posts.Split(stdout);
        Assert.Equal(["Thurrock: result awaiting confirmation", "Correction: Labour lose Thurrock to no overall control"], posts.Select(p => p[0]));
        Assert.Equal("PA Media calls Reform UK gain from Labour; the figures show no party with a majority — awaiting confirmation.", posts[0][1]);
        Assert.Matches(@"^Our \d\d:\d\d post said PA Media called Reform UK gain from Labour, which its figures did not bear out; Labour lose control \(no overall control\)\. Reform 19 of 49, 6 short\. The figures are now confirmed\.$", posts[1][1]);
        Assert.DoesNotContain("majority of -", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_CouncilTheRegisterCannotPlace_IsPostedAndReportedOnceOnStderr()
    {
        using var dir = new TempDirectory();
        var narnia = File.ReadAllText(Paths.SharedFeedFile("Local_Test_result_Bolton_1.xml")).Replace("name='Bolton'", "name='Narnia'", StringComparison.Ordinal);
        File.WriteAllText(dir.File("Local_Test_result_Narnia_1.xml"), narnia);
        File.WriteAllText(dir.File("Local_Test_result_Narnia_2.xml"), narnia.Replace("revision='1'", "revision='2'", StringComparison.Ordinal).Replace("seats='25'", "seats='24'", StringComparison.Ordinal));
        dir.CopyFeed("Local_Test_result_Adur_1.xml");

        var (exit, stdout, stderr) = await BotProcess.RunAsync(dir.Path, "replay", dir.Path);

        Assert.Equal(0, exit);
        Assert.Contains("Narnia stays under no overall control", stdout, StringComparison.Ordinal);
        var reports = stderr.Split('\n').Where(l => l.Contains("does not know", StringComparison.Ordinal)).ToList();
        Assert.Matches(
            @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d warn: ResultsBot\.[\w.]+\[\d+\] The council register does not know ""Narnia"": its results are posted, but region and nation filters and totals leave it out$",
            Assert.Single(reports).TrimEnd());
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
