using Microsoft.Extensions.Hosting;

namespace ResultsBot.Chat;

/// <summary>
/// Asks a platform who the bot is as it starts. A wrong or reset token is then reported in the first second
/// rather than at the first result; and the connection and code the first post will use are ready before it
/// (the first declaration reached Discord ~160 ms later without). Runs beside start-up: a platform that is slow
/// to answer does not hold the bot back.
/// </summary>
public abstract class BackgroundSignIn : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => SignInAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Signs in and logs who the bot is, or why it could not; never throws but for cancellation.</summary>
    protected abstract Task SignInAsync(CancellationToken cancellationToken);
}
