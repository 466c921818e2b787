using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests;

/// <summary>The fake's response_url keeps Slack's limits, so a test relying on it would notice a sixth post or a late one.</summary>
public class SlashCommandResponseUrlFakeTests
{
    [Fact]
    public async Task ResponseUrl_FiveUsesThen404()
    {
        var urls = new FakeSlackResponseUrls();
        await using var server = await FakeServer.StartAsync(urls);
        using var http = new HttpClient();
        var url = urls.Create(server.BaseUrl);

        for (var i = 0; i < 5; i++)
        {
            using var ok = await http.PostAsJsonAsync(url, new { text = $"answer {i}" });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var sixth = await http.PostAsJsonAsync(url, new { text = "one too many" });
        Assert.Equal(HttpStatusCode.NotFound, sixth.StatusCode);
        Assert.Equal("used_url", await sixth.Content.ReadAsStringAsync());
        Assert.Equal(5, urls.Posted(url).Count);
    }

    [Fact]
    public async Task ResponseUrl_After30Minutes_404()
    {
        var time = new FakeTimeProvider();
        var urls = new FakeSlackResponseUrls(time);
        await using var server = await FakeServer.StartAsync(urls);
        using var http = new HttpClient();
        var url = urls.Create(server.BaseUrl);

        time.Advance(TimeSpan.FromMinutes(31));
        using var late = await http.PostAsJsonAsync(url, new { text = "too late" });

        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        Assert.Equal("expired_url", await late.Content.ReadAsStringAsync());
        Assert.Empty(urls.Posted(url));
    }
}
