using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Tests.Support;
using Xunit.Abstractions;

namespace ResultsBot.Tests.Delivery;

/// <summary>
/// Pictures under the worst the machine can do: the bot is SIGKILLed again and again while its uploads are in
/// flight (the fake holds every upload a while before it answers) and, some of the time, in the instant after
/// Discord took a post and before the bot heard so. Restarted each time, it still leaves every post of the
/// sample night exactly once, in order, each with its pictures.
/// </summary>
public sealed class DiscordImagesCrashTests(ITestOutputHelper output)
{
    private const string Token = "fake-discord-bot-token";
    private const string Channel = "111";
    private const int Kills = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Run_KilledMidUploadAgainAndAgain_EveryPostOnceInOrderWithItsPictures()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        using var fake = new FakeDiscord(Token, "1234567890", DiscordImageRuns.RoomyLimits with { UploadDelay = TimeSpan.FromMilliseconds(150) });
        var discord = fake.Rest;
        await using var server = await FakeServer.StartAsync(fake.Parts);
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        SampleNight.CopyInto(feed);

        var gate = new Lock();
        BotProcess? running = null;
        var killedAfterDiscordTookIt = 0;
        discord.MessageCreated = _ =>
        {
            lock (gate)
            {
                // Now and then the kill lands after Discord stored the post: only the nonce keeps it single.
                if (running is not null && random.Next(12) == 0)
                {
                    killedAfterDiscordTookIt++;
                    running.Kill();
                    running = null;
                }
            }
        };

        var stderr = new List<string>();
        for (var kill = 0; kill < Kills && discord.MessagesIn(Channel).Count < SampleNight.Posts; kill++)
        {
            using var bot = BotProcess.Start(work.Path, DiscordImageRuns.Settings(server, feed, work, Token, "1234567890", Channel));
            lock (gate)
            {
                running = bot;
            }

            await Task.Delay(random.Next(1500, 4000), CancellationToken.None);
            if (kill % 2 == 0)
            {
                // Every other kill waits for an upload to be in flight and lands in it: on a busy machine a kill
                // timed by the clock alone may find the bot still starting, and never test a cut-off upload.
                await KillAtTheNextUploadAsync(discord, bot);
            }

            lock (gate)
            {
                running = null;
            }

            bot.Signal("KILL"); // whatever upload is in flight now is cut off
            await bot.WaitForExitAsync(Patience);
            stderr.Add(bot.Stderr);
        }

        discord.MessageCreated = null;
        using (var last = BotProcess.Start(work.Path, DiscordImageRuns.Settings(server, feed, work, Token, "1234567890", Channel)))
        {
            await Waits.UntilAsync(() => discord.MessagesIn(Channel).Count >= SampleNight.Posts, last, Patience, "the whole night");
            await Task.Delay(1500, CancellationToken.None); // a repeat, if there were one, would come now
            last.Signal("TERM");
            await last.WaitForExitAsync(Patience);
            stderr.Add(last.Stderr);
        }

        output.WriteLine($"{discord.AbandonedUploadCount} uploads cut off, {killedAfterDiscordTookIt} kills after Discord took a post");
        var problems = SampleNight.ProblemsWithImagesOn(discord.MessagesIn(Channel));
        Assert.True(problems is null, problems + "\n" + string.Join("\n---\n", stderr));
        Assert.Empty(discord.Rejections);
        Assert.True(discord.AbandonedUploadCount > 0, "no kill landed while an upload was in flight");
    }

    private static async Task KillAtTheNextUploadAsync(FakeDiscordRest discord, BotProcess bot)
    {
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        discord.UploadHeld = () =>
        {
            if (killed.TrySetResult())
            {
                bot.Kill();
            }
        };

        // The bot may be gone first (a kill after Discord took a post), or the night end with nothing left to upload:
        // then this kill comes by the clock after all.
        var goneOrLate = bot.WaitForExitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
        await Task.WhenAny(killed.Task, goneOrLate);
        discord.UploadHeld = null;
    }
}
