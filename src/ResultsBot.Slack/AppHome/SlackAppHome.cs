using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Text;
using ResultsBot.Platforms;
using ResultsBot.Slack.WebApi;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.AppHome;

/// <summary>
/// The app's Home tab for everyone who opens it: published the moment someone opens it (app_home_opened), then kept
/// current. views.publish is Tier 4 (about 100 a minute per workspace), so a refresh is never per declaration or per
/// ward: <see cref="RefreshAsync"/> runs every Slack:HomeRefresh, builds the view once, and publishes it only to the
/// viewers who have not seen that content yet, one publish at a time at most <see cref="PublishesPerMinute"/> a
/// minute. A burst of declarations between two checks is one publish per viewer; a night with no change is none.
/// Viewers are remembered for the run (a restart publishes again to each as they next open the tab).
/// </summary>
internal sealed class SlackAppHome(SlackWebApiClient api, IBotCommands commands, TimeProvider time, ILogger<SlackAppHome> logger) : IDisposable
{
    /// <summary>Below Tier 4's 100 a minute, leaving room for opens between refreshes.</summary>
    public const int PublishesPerMinute = 80;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(1) / PublishesPerMinute;

    // Each viewer and the content they were last sent (null: nothing yet).
    private readonly ConcurrentDictionary<string, string?> _viewers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _lastPublish = DateTimeOffset.MinValue;
    private int _disabled;

    public void Dispose() => _turn.Dispose();

    /// <summary>How many people have opened the tab this run.</summary>
    public int ViewerCount => _viewers.Count;

    /// <summary>Someone opened the Home tab: they see the night as it is now (and are kept up to date from here).</summary>
    public async Task OpenedAsync(string userId, CancellationToken cancellationToken)
    {
        _viewers.TryAdd(userId, null);
        var (content, view) = await BuildAsync(cancellationToken);
        await PublishAsync(userId, content, view, cancellationToken);
    }

    /// <summary><see cref="OpenedAsync"/> for an event already acknowledged: nothing is left to throw to.</summary>
    public async Task OpenedInBackgroundAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            await OpenedAsync(userId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Publishing the Home tab for {User} failed; it is tried again at the next change", userId);
        }
    }

    /// <summary>Brings every viewer's tab up to date where the content changed since they were last sent it.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (_viewers.IsEmpty || Volatile.Read(ref _disabled) == 1)
        {
            return;
        }

        var (content, view) = await BuildAsync(cancellationToken);
        foreach (var (user, seen) in _viewers)
        {
            if (seen != content)
            {
                await PublishAsync(user, content, view, cancellationToken);
            }
        }
    }

    private async Task<(string Content, HomeTabView View)> BuildAsync(CancellationToken cancellationToken)
    {
        var where = new ChannelAddress("slack", "home");
        var scoreboard = await commands.RunAsync(new CommandRequest("/scoreboard", Caller.Anonymous, where), cancellationToken);
        var declared = await commands.RunAsync(new CommandRequest("/declared", Caller.Anonymous, where), cancellationToken);
        // The content, not the time it was built: an unchanged night publishes nothing.
        var content = scoreboard.Text + "\n\u0000\n" + declared.Text;
        return (content, SlackHomeView.Render(scoreboard, declared, UkTime.Clock(time.GetUtcNow(), EnGb)));
    }

    private async Task PublishAsync(string userId, string content, HomeTabView view, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disabled) == 1)
        {
            return;
        }

        await _turn.WaitAsync(cancellationToken);
        try
        {
            var wait = _lastPublish + Spacing - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            _lastPublish = time.GetUtcNow();
            var answer = await api.PublishHomeAsync(userId, view, cancellationToken);
            if (answer.Ok)
            {
                _viewers[userId] = content;
            }
            else if (answer.Error == "not_enabled")
            {
                Interlocked.Exchange(ref _disabled, 1);
                logger.LogWarning("Slack refused the Home tab (not_enabled): turn on App Home → Home Tab for the app (the manifest does); the tab is not published again this run");
            }
            else
            {
                logger.LogWarning("Slack refused the Home tab for {User} ({Error}); it is tried again at the next change", userId, answer.Error);
            }
        }
        catch (SlackUnavailableException e)
        {
            logger.LogWarning("Could not publish the Home tab for {User} ({Reason}); it is tried again at the next refresh", userId, e.Message);
        }
        finally
        {
            _turn.Release();
        }
    }
}
