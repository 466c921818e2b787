namespace ResultsBot.Tests.Support;

/// <summary>Waiting on a running bot for something to become true, failing with its stderr when it does not.</summary>
internal static class Waits
{
    public static async Task UntilAsync(Func<bool> condition, BotProcess bot, TimeSpan patience, string what = "the condition")
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!condition())
        {
            if (bot.HasExited || timeout.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting for {what} (exited: {bot.HasExited}).\nstderr:\n{bot.Stderr}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>The same for a condition that asks the bot (over HTTP, say).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, BotProcess bot, TimeSpan patience, string what = "the condition")
    {
        using var timeout = new CancellationTokenSource(patience);
        while (!await condition())
        {
            if (bot.HasExited || timeout.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting for {what} (exited: {bot.HasExited}).\nstderr:\n{bot.Stderr}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
