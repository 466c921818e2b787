using ResultsBot.Domain.Posts;

namespace ResultsBot.Domain.Tests.Posts;

public sealed class InstanceAlertTextTests
{
    private static readonly DateTimeOffset LastHeard = new(2024, 5, 3, 3, 12, 5, 400, TimeSpan.FromHours(1)); // 02:12:05 UTC

    [Fact]
    public void Stopped_AStandbyUnheard_SaysWhoStoppedWhenInUtcAndThatTheOthersTookOver()
    {
        var post = InstanceAlertText.Stopped("host-b:4242", LastHeard, 2, Culture.EnGb);

        Assert.Equal(PostKind.Announcement, post.Kind);
        Assert.Equal("Instance host-b:4242 stopped answering at 02:12:05 UTC; the other instances took over its work", post.Headline);
        Assert.Equal(["2 instances are running now."], post.Lines);
    }

    [Fact]
    public void Stopped_OneInstanceLeft_SaysSoInTheSingular()
    {
        var post = InstanceAlertText.Stopped("host-b:4242", LastHeard, 1, Culture.EnGb);

        Assert.Equal(["1 instance is running now."], post.Lines);
    }

    [Fact]
    public void ReaderStopped_TakenOverAfterThreeSeconds_TellsTheStopAndTheTakeoverInOneSentence()
    {
        var post = InstanceAlertText.ReaderStopped("host-a:4123", LastHeard, "host-b:4242", TimeSpan.FromSeconds(3.4), Culture.EnGb);

        Assert.Equal(
            "Feed reader changed: instance host-a:4123 stopped answering at 02:12:05 UTC; host-b:4242 took over reading the feed after 3 seconds",
            post.Headline);
        Assert.Equal(["Nothing accepted is lost; posts carry on from where it stopped."], post.Lines);
        Assert.Equal(FeedAlertText.Subject, post.Subject);
    }

    [Fact]
    public void ReaderStopped_TakenOverWithinASecond_SaysSoInWords()
    {
        var post = InstanceAlertText.ReaderStopped("host-a:4123", LastHeard, "host-b:4242", TimeSpan.FromMilliseconds(300), Culture.EnGb);

        Assert.Equal(
            "Feed reader changed: instance host-a:4123 stopped answering at 02:12:05 UTC; host-b:4242 took over reading the feed within a second",
            post.Headline);
    }
}
