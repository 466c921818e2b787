using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// The sample night into a Slack channel with "images on" while the bot is SIGKILLed again and again in the
/// middle of uploading a picture (the fake holds the upload URL, or files.completeUploadExternal, so a kill lands
/// there) and now and then at a random moment: after the last restart every post is in the channel exactly once,
/// in order, with its pictures.
/// </summary>
public sealed class SlackImagesCrashTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Run_KilledMidUploadAgainAndAgain_EveryPostOnceInOrderWithItsPictures()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var slack = new FakeSlackWebApi().AddChannels(SlackImagesTests.Channel);
        var socket = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack, socket);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        var declarations = SampleNightInSlack.Declarations();
        string[] Night() => [.. SlackImagesTests.Settings(server, work, socket), "--Replay:Speed=1000000"];

        using (var first = BotProcess.Start(work.Path, [.. SlackImagesTests.Settings(server, work, socket), "--Feed:Source=" + feed.Path]))
        {
            await socket.WaitForConnectionsAsync(1, Patience);
            var subscribe = socket.InjectSlashCommand(new FakeSlackSlashCommand("subscribe images on", UserId: SlackImagesTests.Admin, ChannelId: SlackImagesTests.Channel));
            await subscribe.Acked.WaitAsync(Patience);
            first.Signal("TERM");
            await first.WaitForExitAsync(Patience);
        }

        for (var kill = 0; kill < 8; kill++)
        {
            // Kills 0-3 land while the upload URL holds the bytes, 4-5 while files.completeUploadExternal is held,
            // 6-7 at a random moment once a post has gone out (perhaps before the bot recorded it).
            slack.UploadDelay = kill < 4 ? TimeSpan.FromSeconds(2) : TimeSpan.Zero;
            slack.CompleteDelay = kill is 4 or 5 ? TimeSpan.FromSeconds(2) : TimeSpan.Zero;
            var uploads = slack.UploadRequestsReceived;
            var completes = slack.CompleteRequestsReceived;
            var posted = slack.Messages(SlackImagesTests.Channel).Count;
            var after = random.Next(1, 4);
            using var bot = BotProcess.Start(work.Path, Night());
            Func<bool> moment = kill switch
            {
                < 4 => () => slack.UploadRequestsReceived >= uploads + after,
                < 6 => () => slack.CompleteRequestsReceived >= completes + after,
                _ => () => slack.Messages(SlackImagesTests.Channel).Count >= posted + after,
            };
            await Waits.UntilAsync(moment, bot, Patience, $"the moment of kill {kill}");
            if (kill >= 6)
            {
                await Task.Delay(random.Next(0, 400));
            }

            bot.Signal("KILL");
            await bot.WaitForExitAsync(Patience);
        }

        slack.UploadDelay = slack.CompleteDelay = TimeSpan.Zero;
        using (var last = BotProcess.Start(work.Path, Night()))
        {
            await Waits.UntilAsync(() => slack.Messages(SlackImagesTests.Channel).Count >= declarations.Count + 4, last, Patience, "the whole night in the channel");
            await Task.Delay(1500); // a repeat, if there were one, would come now
            last.Signal("TERM");
            await last.WaitForExitAsync(Patience);
        }

        SampleNightInSlack.AssertEveryPostOnceInOrderWithItsPictures(slack.Messages(SlackImagesTests.Channel), declarations);
        // The kills cut uploads short: files were started that no message shows, and none of them is in the channel.
        Assert.True(slack.UploadsStarted > slack.Messages(SlackImagesTests.Channel).Sum(m => m.Images.Count), "some uploads should have been cut short by a kill");
    }
}
