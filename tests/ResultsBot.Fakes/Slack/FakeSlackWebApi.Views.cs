using System.Text;
using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// views.publish, as Slack's method page and the Home tab's view reference describe it: user_id and a view are
/// required (invalid_arguments otherwise), the view must be a home view of at most 100 blocks that pass Block Kit's
/// rules (invalid_blocks) and 250 kB (view_too_large); an app whose Home tab is off gets not_enabled. Tier 4 (100+ a
/// minute per workspace): the fake allows 100 a minute in each workspace, with a burst of 20, and answers 429 with
/// Retry-After past it. A view is published in the workspace of the token that sent it (a user's Home tab in one
/// workspace is not their tab in another), and <see cref="OpenHomeAsync"/> sends app_home_opened as the Events API does.
/// </summary>
public sealed partial class FakeSlackWebApi
{
    public const int MaxViewBytes = 250 * 1024;

    // By workspace and user: what each user sees in their Home tab in that workspace.
    private readonly Dictionary<(string Team, string User), List<JsonObject>> _homeViews = [];

    // Tier 4 is counted per workspace: one workspace's publishes never use up another's.
    private readonly Dictionary<string, FakeSlackPace> _viewsPaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _viewsCalls = new(StringComparer.Ordinal);
    private int _viewsRateLimited;
    private long _viewIds;

    /// <summary>The app's Home tab is turned on (App Home → Show Tabs → Home Tab); off, views.publish answers not_enabled.</summary>
    public bool HomeTabEnabled { get; set; } = true;

    /// <summary>views.publish calls answered 429 because the bot went past Tier 4: a good client gets none.</summary>
    public int ViewsRateLimitedCount => Volatile.Read(ref _viewsRateLimited);

    /// <summary>Every Home view published for the user in the default workspace (the bot token's), oldest first (the last is what they see).</summary>
    public IReadOnlyList<JsonObject> HomeViews(string userId) => HomeViews(TeamId, userId);

    /// <summary>Every Home view published for the user in that workspace (by a token of that workspace), oldest first.</summary>
    public IReadOnlyList<JsonObject> HomeViews(string teamId, string userId)
    {
        lock (_gate)
        {
            return _homeViews.TryGetValue((teamId, userId), out var views) ? [.. views.Select(v => (JsonObject)v.DeepClone())] : [];
        }
    }

    /// <summary>
    /// A user of <paramref name="teamId"/> opens the app's Home tab (or its Messages tab): Slack sends app_home_opened,
    /// signed, to <see cref="EventsRequestUrl"/>, in the event callback envelope with the workspace's team_id and the
    /// app's api_app_id, and the view the user last saw when one was published. Returns the app's HTTP status.
    /// </summary>
    public Task<int> OpenHomeAsync(string teamId, string userId, string tab = "home")
    {
        var @event = new JsonObject
        {
            ["type"] = "app_home_opened",
            ["user"] = userId,
            ["channel"] = "D" + userId.TrimStart('U'),
            ["tab"] = tab,
        };
        if (tab == "home" && HomeViews(teamId, userId) is [.., var last])
        {
            @event["view"] = last;
        }

        return SendEventAsync(teamId, @event);
    }

    private void CountViewsCall(string team)
    {
        lock (_gate)
        {
            _viewsCalls[team] = _viewsCalls.GetValueOrDefault(team) + 1;
        }
    }

    /// <summary>Takes a views.publish turn in the workspace (caller holds the lock).</summary>
    private bool TakeViewsTurn(string team, out TimeSpan wait)
    {
        if (!_viewsPaces.TryGetValue(team, out var pace))
        {
            pace = _viewsPaces[team] = new FakeSlackPace(20, TimeSpan.FromMinutes(1) / 100);
        }

        return pace.TryTake(_time.GetUtcNow(), out wait);
    }

    /// <summary>views.publish calls made with a token of the workspace (valid or not any more), whatever the answer.</summary>
    public int ViewsPublishCallsOf(string teamId)
    {
        lock (_gate)
        {
            return _viewsCalls.GetValueOrDefault(teamId);
        }
    }

    /// <summary>Every views.publish that succeeded, for every user.</summary>
    public int HomeViewPublishCount
    {
        get
        {
            lock (_gate)
            {
                return _homeViews.Values.Sum(v => v.Count);
            }
        }
    }

    private JsonObject PublishView(FakeSlackRequest request, string team)
    {
        var user = request.String("user_id");
        if (string.IsNullOrEmpty(user) || request.Json("view") is not JsonObject view)
        {
            return Error("invalid_arguments");
        }

        if (Encoding.UTF8.GetByteCount(view.ToJsonString()) > MaxViewBytes)
        {
            return Error("view_too_large");
        }

        if ((string?)view["type"] != "home")
        {
            return Error("invalid_arguments");
        }

        var problems = FakeSlackBlockRules.Check(view["blocks"], FakeSlackBlockRules.MaxHomeBlocks);
        if (problems.Count > 0)
        {
            var error = Error("invalid_blocks");
            error["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. problems.Select(p => (JsonNode)p)]) };
            return error;
        }

        if (!HomeTabEnabled)
        {
            return Error("not_enabled");
        }

        lock (_gate)
        {
            var id = "V" + (++_viewIds).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var published = (JsonObject)view.DeepClone();
            published["id"] = id;
            published["team_id"] = team;
            published["app_id"] = AppId;
            published["app_installed_team_id"] = team;
            published["bot_id"] = BotId;
            published["hash"] = $"{_time.GetUtcNow().ToUnixTimeSeconds()}.{id}";
            if (!_homeViews.TryGetValue((team, user), out var views))
            {
                views = _homeViews[(team, user)] = [];
            }

            views.Add(published);
            return new JsonObject { ["ok"] = true, ["view"] = published.DeepClone() };
        }
    }
}
