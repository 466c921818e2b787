using System.Text;
using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Slack;

/// <summary>
/// views.publish, as Slack's method page and the Home tab's view reference describe it: user_id and a view are
/// required (invalid_arguments otherwise), the view must be a home view of at most 100 blocks that pass Block Kit's
/// rules (invalid_blocks) and 250 kB (view_too_large); an app whose Home tab is off gets not_enabled. Tier 4 (100+ a
/// minute per workspace): the fake allows 100 a minute, with a burst of 20, and answers 429 with Retry-After past it.
/// </summary>
public sealed partial class FakeSlackWebApi
{
    public const int MaxViewBytes = 250 * 1024;

    private readonly Dictionary<string, List<JsonObject>> _homeViews = new(StringComparer.Ordinal);
    private readonly FakeSlackPace _viewsPace = new(20, TimeSpan.FromMinutes(1) / 100);
    private int _viewsRateLimited;
    private long _viewIds;

    /// <summary>The app's Home tab is turned on (App Home → Show Tabs → Home Tab); off, views.publish answers not_enabled.</summary>
    public bool HomeTabEnabled { get; set; } = true;

    /// <summary>views.publish calls answered 429 because the bot went past Tier 4: a good client gets none.</summary>
    public int ViewsRateLimitedCount => Volatile.Read(ref _viewsRateLimited);

    /// <summary>Every Home view published for the user, oldest first (the last is what they see).</summary>
    public IReadOnlyList<JsonObject> HomeViews(string userId)
    {
        lock (_gate)
        {
            return _homeViews.TryGetValue(userId, out var views) ? [.. views.Select(v => (JsonObject)v.DeepClone())] : [];
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

    private JsonObject PublishView(FakeSlackRequest request)
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
            published["team_id"] = TeamId;
            published["hash"] = $"{_time.GetUtcNow().ToUnixTimeSeconds()}.{id}";
            if (!_homeViews.TryGetValue(user, out var views))
            {
                views = _homeViews[user] = [];
            }

            views.Add(published);
            return new JsonObject { ["ok"] = true, ["view"] = published.DeepClone() };
        }
    }
}
