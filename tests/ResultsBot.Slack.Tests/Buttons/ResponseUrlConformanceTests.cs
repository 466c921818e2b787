using System.Text.Json;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests.Buttons;

/// <summary>Slack's own @slack/webhook client posts to the fake's response_url as the bot does after a press, and the fake does what Slack would.</summary>
public sealed class ResponseUrlConformanceTests
{
    [Fact]
    public async Task OfficialClient_NewMessageReplaceAndDelete_TakenAsSlackTakesThem()
    {
        var urls = new FakeSlackResponseUrls();
        await using var server = await FakeServer.StartAsync(urls);
        using var post = JsonDocument.Parse("""{"text":"Reform UK gain Thurrock from Labour","blocks":[]}""");
        using var page1 = JsonDocument.Parse("""{"text":"Council 001","blocks":[]}""");
        using var answer = JsonDocument.Parse("""{"text":"Labour 51 councils","blocks":[]}""");
        var fresh = urls.CreateForPress(server.BaseUrl, post.RootElement, ephemeral: false);
        var replace = urls.CreateForPress(server.BaseUrl, page1.RootElement, ephemeral: true);
        var delete = urls.CreateForPress(server.BaseUrl, answer.RootElement, ephemeral: true);

        var (code, output, errors) = await NodeConformance.RunAsync("slack-response-url.mjs", [fresh.ToString(), replace.ToString(), delete.ToString()], TimeSpan.FromSeconds(120));

        Assert.True(code == 0, $"node exited {code}: {output}\n{errors}");
        Assert.Equal("new message: ok\nreplaced: ok\ndeleted: ok\n", output.Replace("\r", "", StringComparison.Ordinal));
        var full = Assert.Single(urls.Sent(fresh));
        Assert.True(full.Ephemeral);
        Assert.Equal("Reform UK gain Thurrock from Labour", full.Text);
        Assert.Equal("Reform UK gain Thurrock from Labour", urls.Original(fresh)!.Text);
        Assert.Equal("Council 120", urls.Original(replace)!.Text);
        Assert.Equal(["Previous"], urls.Original(replace)!.Buttons);
        Assert.True(urls.Original(replace)!.Ephemeral);
        Assert.Empty(urls.Sent(replace));
        Assert.Null(urls.Original(delete));
    }
}
