using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests.AppHome;

/// <summary>The fake's views.publish, spoken to with a bare HttpClient: it must check what Slack checks.</summary>
public sealed class FakeSlackViewsTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private readonly FakeSlackWebApi _slack = new();
    private FakeServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync(_slack);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Publish_AHomeView_IsStoredForTheUserAndReturnedWithAnId()
    {
        var answer = await PublishAsync(new JsonObject { ["user_id"] = "U1", ["view"] = View(3) });

        Assert.True((bool)answer["ok"]!);
        Assert.StartsWith("V", (string?)answer["view"]!["id"], StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(_slack.HomeViews("U1"))["blocks"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(101, "invalid_blocks")]
    [InlineData(0, "invalid_arguments")]
    public async Task Publish_TooManyBlocksOrNoUser_IsRefusedAsSlackDoes(int blocks, string error)
    {
        var body = new JsonObject { ["view"] = View(Math.Max(1, blocks)) };
        if (blocks > 0)
        {
            body["user_id"] = "U1";
        }

        var answer = await PublishAsync(body);

        Assert.Equal(error, (string?)answer["error"]);
        Assert.Equal(0, _slack.HomeViewPublishCount);
    }

    [Fact]
    public async Task Publish_AModalViewOrHomeTabOff_IsRefused()
    {
        var modal = View(1);
        modal["type"] = "modal";
        var notHome = await PublishAsync(new JsonObject { ["user_id"] = "U1", ["view"] = modal });
        _slack.HomeTabEnabled = false;
        var off = await PublishAsync(new JsonObject { ["user_id"] = "U1", ["view"] = View(1) });

        Assert.Equal("invalid_arguments", (string?)notHome["error"]);
        Assert.Equal("not_enabled", (string?)off["error"]);
    }

    [Fact]
    public async Task Publish_PastTier4_Is429WithRetryAfter()
    {
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < 25; n++)
        {
            using var response = await SendAsync(new JsonObject { ["user_id"] = "U" + n, ["view"] = View(1) });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, _slack.ViewsRateLimitedCount);
    }

    private static JsonObject View(int blocks) => new()
    {
        ["type"] = "home",
        ["blocks"] = new JsonArray([.. Enumerable.Range(0, blocks).Select(n => (JsonNode)new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "line " + n } })]),
    };

    private async Task<JsonObject> PublishAsync(JsonObject body)
    {
        using var response = await SendAsync(body);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<HttpResponseMessage> SendAsync(JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseUrl, "/api/views.publish"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + FakeSlackWebApi.DefaultToken);
        return await Http.SendAsync(request);
    }
}
