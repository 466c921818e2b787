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
/// viewers who have not seen that content yet, one publish at a time and at most <see cref="PublishesPerMinute"/> a
/// minute in each workspace, the workspaces side by side. A burst of declarations between two checks is one publish
/// per viewer; a night with no change is none.
/// Viewers are remembered per workspace for the run (a restart publishes again to each as they next open the tab).
/// With many workspaces each is published to with its own token; an uninstalled workspace, or one whose token Slack
/// refuses, is published to no more, and the others carry on.
/// </summary>
internal sealed class SlackAppHome(IHomeWorkspaces workspaces, IBotCommands commands, TimeProvider time, ILogger<SlackAppHome> logger) : IDisposable
{
    /// <summary>Below Tier 4's 100 a minute, leaving room for opens between refreshes.</summary>
    public const int PublishesPerMinute = 80;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(1) / PublishesPerMinute;

    // Each workspace's viewers and publishing turn, by HomeWorkspace.Key.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HomeAudience> _audiences = new(StringComparer.Ordinal);
    private int _disabled;

    /// <summary>One workspace, with the bot token's client (Slack:BotToken).</summary>
    public SlackAppHome(SlackWebApiClient api, IBotCommands commands, TimeProvider time, ILogger<SlackAppHome> logger)
        : this(new OneHomeWorkspace(api), commands, time, logger)
    {
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var audience in _audiences.Values)
            {
                audience.Dispose();
            }
        }
    }

    /// <summary>How many people, in all workspaces, have opened the tab this run.</summary>
    public int ViewerCount
    {
        get
        {
            lock (_gate)
            {
                return _audiences.Values.Sum(a => a.Viewers.Count);
            }
        }
    }

    /// <summary>Someone opened the Home tab in the one workspace there is.</summary>
    public Task OpenedAsync(string userId, CancellationToken cancellationToken) => OpenedAsync(null, userId, cancellationToken);

    /// <summary>Someone opened the Home tab in <paramref name="teamId"/>'s workspace: they see the night as it is now (and are kept up to date from here).</summary>
    public async Task OpenedAsync(string? teamId, string userId, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disabled) == 1 || AudienceFor(teamId) is not { } audience)
        {
            return;
        }

        audience.Viewers.TryAdd(userId, null);
        var (content, view) = await BuildAsync(cancellationToken);
        await PublishAsync(audience, userId, content, view, cancellationToken);
    }

    /// <summary><see cref="OpenedAsync(string, CancellationToken)"/> for an event already acknowledged: nothing is left to throw to.</summary>
    public Task OpenedInBackgroundAsync(string userId, CancellationToken cancellationToken) => OpenedInBackgroundAsync(null, userId, cancellationToken);

    /// <summary><see cref="OpenedAsync(string?, string, CancellationToken)"/> for an event already acknowledged: nothing is left to throw to.</summary>
    public async Task OpenedInBackgroundAsync(string? teamId, string userId, CancellationToken cancellationToken)
    {
        try
        {
            await OpenedAsync(teamId, userId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Publishing the Home tab for {User} failed; it is tried again at the next change", userId);
        }
    }

    /// <summary>The workspace uninstalled the app or revoked its token: its viewers are forgotten and nothing more is published there.</summary>
    public void ForgetWorkspace(string teamId)
    {
        HomeAudience? gone;
        lock (_gate)
        {
            _audiences.Remove(teamId, out gone);
        }

        gone?.Close();
    }

    /// <summary>Brings every viewer's tab, in every workspace, up to date where the content changed since they were last sent it.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        List<HomeAudience> audiences;
        lock (_gate)
        {
            audiences = [.. _audiences.Values.Where(a => !a.Viewers.IsEmpty)];
        }

        if (audiences.Count == 0 || Volatile.Read(ref _disabled) == 1)
        {
            return;
        }

        var (content, view) = await BuildAsync(cancellationToken);
        // Side by side: each workspace has its own Tier 4 allowance, and waits only for its own turns.
        await Task.WhenAll(audiences.Select(a => RefreshAsync(a, content, view, cancellationToken)));
    }

    private async Task RefreshAsync(HomeAudience audience, string content, HomeTabView view, CancellationToken cancellationToken)
    {
        if (workspaces.Find(audience.Workspace.Key) != audience.Workspace)
        {
            // Uninstalled (or installed again with a new token) since its viewers opened the tab.
            Close(audience, "is no longer installed");
            return;
        }

        foreach (var (user, seen) in audience.Viewers)
        {
            if (seen != content)
            {
                await PublishAsync(audience, user, content, view, cancellationToken);
            }
        }
    }

    /// <summary>The open audience of the workspace, made on its first viewer; null when there is none to publish to.</summary>
    private HomeAudience? AudienceFor(string? teamId)
    {
        if (workspaces.Find(teamId) is not { } workspace)
        {
            logger.LogDebug("The Home tab was opened in workspace {Team}, where the bot is not installed; nothing is published", teamId);
            return null;
        }

        lock (_gate)
        {
            if (_audiences.TryGetValue(workspace.Key, out var audience) && audience.Workspace == workspace)
            {
                // A workspace whose token was refused stays closed until it installs the app again (a new token).
                return audience.Closed ? null : audience;
            }

            audience?.Close();
            return _audiences[workspace.Key] = new HomeAudience(workspace);
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

    private async Task PublishAsync(HomeAudience audience, string userId, string content, HomeTabView view, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disabled) == 1 || audience.Closed)
        {
            return;
        }

        await audience.Turn.WaitAsync(cancellationToken);
        try
        {
            var wait = audience.LastPublish + Spacing - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            if (audience.Closed || (audience.Viewers.TryGetValue(userId, out var seen) && seen == content))
            {
                // Uninstalled while this publish waited its turn, or the viewer was sent this very content meanwhile
                // (an open and a refresh at the same moment).
                return;
            }

            audience.LastPublish = time.GetUtcNow();
            var answer = await audience.Workspace.Client.PublishHomeAsync(userId, view, cancellationToken);
            if (answer.Ok)
            {
                audience.Viewers.TryUpdate(userId, content, audience.Viewers.GetValueOrDefault(userId));
            }
            else if (answer.Error == "not_enabled")
            {
                Interlocked.Exchange(ref _disabled, 1);
                logger.LogWarning("Slack refused the Home tab (not_enabled): turn on App Home → Home Tab for the app (the manifest does); the tab is not published again this run");
            }
            else if (TokenRefused(answer.Error))
            {
                Close(audience, $"refused the bot's token ({answer.Error})");
            }
            else
            {
                logger.LogWarning("Slack refused the Home tab for {User} in {Workspace} ({Error}); it is tried again at the next change", userId, audience.Workspace, answer.Error);
            }
        }
        catch (SlackUnavailableException e)
        {
            logger.LogWarning("Could not publish the Home tab for {User} in {Workspace} ({Reason}); it is tried again at the next refresh", userId, audience.Workspace, e.Message);
        }
        finally
        {
            audience.Turn.Release();
        }
    }

    /// <summary>A token Slack will not take again by itself: revoked, wrong, or its workspace closed.</summary>
    private static bool TokenRefused(string? error) =>
        error == "account_inactive" || SlackErrors.Classify(error) == SlackErrorKind.Auth;

    private void Close(HomeAudience audience, string why)
    {
        if (audience.Close())
        {
            logger.LogWarning("Slack {Workspace} {Why}: its Home tab viewers are forgotten and nothing more is published there; the other workspaces carry on", audience.Workspace, why);
        }
    }
}
