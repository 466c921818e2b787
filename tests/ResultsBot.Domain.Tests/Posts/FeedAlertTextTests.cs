using ResultsBot.Domain.Posts;

namespace ResultsBot.Domain.Tests.Posts;

public sealed class FeedAlertTextTests
{
    [Fact]
    public void TakenOver_AfterThreeSecondsWithoutAReader_SaysWhoTookOverAndThatNothingIsLost()
    {
        var post = FeedAlertText.TakenOver("web2:3877", TimeSpan.FromSeconds(3.4), Culture.EnGb);

        Assert.Equal(PostKind.Announcement, post.Kind);
        Assert.Equal("Feed reader changed: web2:3877 took over reading the feed after 3 seconds", post.Headline);
        Assert.Equal(
            ["The instance that read it stopped or lost its database connection. Nothing accepted is lost; posts carry on from where it stopped."],
            post.Lines);
    }
}
