using Microsoft.Extensions.Time.Testing;
using ResultsBot.Application.Instances;

namespace ResultsBot.Tests.Instances;

public sealed class InstanceMembersTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 3, 2, 12, 0, TimeSpan.Zero);

    [Fact]
    public void Live_NoOneElseHeard_IsThisInstanceAlone()
    {
        var members = new InstanceMembers(new FakeTimeProvider(Start));

        Assert.Equal(1, members.Live);
        Assert.Empty(members.Sweep());
    }

    [Fact]
    public void RankOf_EachInstanceItsPlaceInNameOrder_TheSameOrderEverywhere()
    {
        var time = new FakeTimeProvider(Start);
        var atWeb1 = new InstanceMembers(time);
        atWeb1.Heard("web3:1");
        atWeb1.Heard("web2:7");
        var atWeb3 = new InstanceMembers(time);
        atWeb3.Heard("web1:9");
        atWeb3.Heard("web2:7");

        Assert.Equal(0, atWeb1.RankOf("web1:9"));
        Assert.Equal(2, atWeb3.RankOf("web3:1"));
        time.Advance(InstanceMembers.GoneAfter);
        Assert.Equal(0, atWeb3.RankOf("web3:1")); // the others unheard: it stands first among those it hears
    }

    [Fact]
    public void RankOf_InstancesHoldingDifferentNumbersOfDeliveryPartitions_ThoseHoldingMostFirstThenByName()
    {
        // 32 partitions over three instances: the one with 10 has the fewest channels, so it is last for the remainder.
        var time = new FakeTimeProvider(Start);
        var atWeb1 = new InstanceMembers(time);
        atWeb1.Heard("web2:7");
        atWeb1.Holds("web2:7", 11);
        atWeb1.Heard("web3:1");
        atWeb1.Holds("web3:1", 11);
        var atWeb3 = new InstanceMembers(time);
        atWeb3.Heard("web1:9");
        atWeb3.Holds("web1:9", 10);
        atWeb3.Heard("web2:7");
        atWeb3.Holds("web2:7", 11);

        Assert.Equal(2, atWeb1.RankOf("web1:9", partitions: 10));
        Assert.Equal(1, atWeb3.RankOf("web3:1", partitions: 11));
    }

    [Fact]
    public void Sweep_AnInstanceUnheardButItsSessionStillConnected_IsNotToldUntilTheSessionEnds()
    {
        var time = new FakeTimeProvider(Start);
        var members = new InstanceMembers(time);
        members.Heard("web1:4123");
        members.Heard("web2:3877");
        time.Advance(TimeSpan.FromSeconds(4));
        members.Heard("web1:4123");
        time.Advance(TimeSpan.FromSeconds(2)); // web2 unheard for 6 s, but three sessions are connected: it is busy

        var busy = members.Sweep(sessions: 3);
        var stopped = members.Sweep(sessions: 2); // its session ended

        Assert.Empty(busy);
        Assert.Equal([new StoppedInstance("web2:3877", Start)], stopped);
    }

    [Fact]
    public void Sweep_TwoUnheardAndOneOfTheirSessionsConnected_TellsTheLongestUnheardOnly()
    {
        var time = new FakeTimeProvider(Start);
        var members = new InstanceMembers(time);
        members.Heard("web1:4123");
        time.Advance(TimeSpan.FromSeconds(1));
        members.Heard("web2:3877");
        time.Advance(TimeSpan.FromSeconds(6));

        var gone = members.Sweep(sessions: 2); // this one and one of the two

        Assert.Equal([new StoppedInstance("web1:4123", Start)], gone);
    }

    [Fact]
    public void Sweep_AnInstanceUnheardForFiveSeconds_IsToldOnceWithWhenItWasLastHeard()
    {
        var time = new FakeTimeProvider(Start);
        var members = new InstanceMembers(time);
        members.Heard("web1:4123");
        members.Heard("web2:3877");
        time.Advance(TimeSpan.FromSeconds(3));
        members.Heard("web1:4123");
        var liveBefore = members.Live;

        time.Advance(TimeSpan.FromSeconds(1.9));
        var notYet = members.Sweep();
        time.Advance(TimeSpan.FromSeconds(0.1));
        var gone = members.Sweep();
        var again = members.Sweep();

        Assert.Equal(3, liveBefore);
        Assert.Empty(notYet);
        Assert.Equal([new StoppedInstance("web2:3877", Start)], gone);
        Assert.Empty(again);
        Assert.Equal(2, members.Live);
    }

    [Fact]
    public void Heard_AStoppedInstanceComesBack_IsLiveAgainAndNotToldAsNew()
    {
        var time = new FakeTimeProvider(Start);
        var members = new InstanceMembers(time);
        members.Heard("web2:3877");
        time.Advance(TimeSpan.FromSeconds(6));
        var gone = members.Sweep();

        members.Heard("web2:3877");
        var back = members.Sweep();

        Assert.Single(gone);
        Assert.Empty(back);
        Assert.Equal(2, members.Live);
    }

    [Fact]
    public void Sweep_AnInstanceThatCameBackStopsAgain_IsToldAgain()
    {
        var time = new FakeTimeProvider(Start);
        var members = new InstanceMembers(time);
        members.Heard("web2:3877");
        time.Advance(TimeSpan.FromSeconds(6));
        members.Sweep();
        members.Heard("web2:3877");
        time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([new StoppedInstance("web2:3877", Start.AddSeconds(6))], members.Sweep());
    }

    [Fact]
    public void Stop_TheReaderTakenOverFrom_IsNotToldAgainBySweep()
    {
        var time = new FakeTimeProvider(Start);
        var members = new InstanceMembers(time);
        members.Heard("web1:4123");
        time.Advance(TimeSpan.FromSeconds(1.2));

        var stopped = members.Stop("web1:4123");
        var liveAfter = members.Live;
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(new StoppedInstance("web1:4123", Start), stopped);
        Assert.Equal(1, liveAfter);
        Assert.Empty(members.Sweep());
        Assert.Null(members.Stop("never-heard:1"));
    }

    [Fact]
    public void Listening_AfterThisInstanceCouldNotHearAnyone_GivesTheOthersTimeToBeHeardBeforeTheyCountAsStopped()
    {
        var time = new FakeTimeProvider(Start);
        var members = new InstanceMembers(time);
        members.Heard("web2:3877");
        time.Advance(TimeSpan.FromSeconds(4)); // this instance's own connection was down meanwhile

        members.Listening();
        time.Advance(TimeSpan.FromSeconds(3));
        var stillLive = members.Sweep();
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(stillLive);
        Assert.Single(members.Sweep());
    }

    [Fact]
    public void Live_WhileThisInstanceCannotHearAnyone_StaysAtWhatItLastKnewAndNoOneIsToldStopped()
    {
        var time = new FakeTimeProvider(Start);
        var members = new InstanceMembers(time);
        members.Heard("web1:4123");
        members.Heard("web2:3877");
        time.Advance(TimeSpan.FromSeconds(1));

        members.Deaf();
        time.Advance(TimeSpan.FromSeconds(30));
        var whileDeaf = members.Live;
        var toldWhileDeaf = members.Sweep();
        members.Listening();
        var onceListening = members.Live;

        Assert.Equal(3, whileDeaf);
        Assert.Empty(toldWhileDeaf);
        Assert.Equal(3, onceListening);
    }
}
