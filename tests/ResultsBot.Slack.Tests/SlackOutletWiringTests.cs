using Microsoft.Extensions.DependencyInjection;
using ResultsBot.Domain.Posts;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Platforms;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Tests;

public sealed class SlackOutletWiringTests
{
    [Fact]
    public async Task AddSlackWebApi_GivesOneClientAndAWorkingOutlet()
    {
        var slack = new FakeSlackWebApi().AddChannels("C1");
        await using var server = await FakeServer.StartAsync(slack);
        var services = new ServiceCollection()
            .AddSingleton(new SlackOptions(slack.BotToken, null, null, SlackMode.Http, ["C1"], new HashSet<string>(), new Uri(server.BaseUrl, "/api/")))
            .AddSlackWebApi();
        await using var provider = services.BuildServiceProvider();

        var outlet = provider.GetRequiredService<SlackOutlet>();
        var ts = await outlet.SendAsync(new OutgoingPost(1, "C1", new Post(PostKind.Announcement, "k", "Hello", Array.Empty<PostSection>())), CancellationToken.None);

        Assert.Same(provider.GetRequiredService<SlackWebApiClient>(), provider.GetRequiredService<SlackWebApiClient>());
        Assert.Equal("slack", outlet.Platform);
        Assert.Equal(ts, Assert.Single(slack.Messages("C1")).Ts);
    }
}
