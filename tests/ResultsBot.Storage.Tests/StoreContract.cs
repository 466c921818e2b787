using System.Text;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Application.Storage;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Storage.Tests;

/// <summary>
/// What every store must do, whatever keeps the data: run against SQLite and the in-memory store alike (and any
/// store added later: a subclass that opens it).
/// </summary>
public abstract class StoreContract
{
    protected static readonly byte[] Content = Encoding.UTF8.GetBytes("<LocalElectionResult revision='1'/>");

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 8, 3, 0, 0, TimeSpan.Zero));

    protected abstract IResultsStore NewStore();

    [Fact]
    public void Accept_Correction_FollowsTheOriginalToEverySubscribedChannelThatHadIt()
    {
        using var store = NewStore();
        store.Subscribe("discord:1", "everything", "command", "U1");
        store.Subscribe("slack:C1", "region London", "command", "U1");
        store.Accept("council/bolton", 1, "Bolton_1.xml", Content, [Post("council/bolton", "Bolton stays under no overall control")], ["discord:1", "slack:C1"]);
        store.Subscribe("slack:C1", "party Green", "command", "U1"); // the filter changed since: the correction still follows

        store.Accept("council/bolton", 2, "Bolton_2.xml", Content, [new QueuedPost(new Post(PostKind.Correction, "council/bolton", "Correction: Labour gain Bolton", ["x"]), ["discord:1"])]);

        Assert.Equal(["Bolton stays under no overall control", "Correction: Labour gain Bolton"], store.PendingDeliveries("slack:C1").Select(d => d.Post.Headline));
        Assert.Equal(2, store.PendingDeliveries("discord:1").Count);
    }

    [Fact]
    public void RememberForumThread_ThenFind_GivesTheFirstThreadForThatChannelAndTitleOnly()
    {
        using var store = NewStore();
        Assert.Null(store.FindForumThread("discord:15", "Local elections 2024: results"));

        store.RememberForumThread("discord:15", "Local elections 2024: results", "9001");
        store.RememberForumThread("discord:15", "Local elections 2024: results", "9002"); // a second never replaces the first
        store.RememberForumThread("discord:15", "Thurrock: results", "9003");

        Assert.Equal("9001", store.FindForumThread("discord:15", "Local elections 2024: results"));
        Assert.Equal("9003", store.FindForumThread("discord:15", "Thurrock: results"));
        Assert.Null(store.FindForumThread("discord:16", "Local elections 2024: results"));
    }

    [Fact]
    public void SaveInstall_ThenReinstall_TheLatestTokenIsKeptAndRemoveForgetsOnlyThatWorkspace()
    {
        using var store = NewStore();
        store.SaveInstall(new WorkspaceInstall("T0BBBB", "Town Hall", "U0BOT2", "sealed-b", Time.GetUtcNow()));
        store.SaveInstall(new WorkspaceInstall("T0AAAA", "Party HQ", "U0BOT1", "sealed-a1", Time.GetUtcNow()));
        Time.Advance(TimeSpan.FromMinutes(5));
        store.SaveInstall(new WorkspaceInstall("T0AAAA", "Party HQ", "U0BOT1", "sealed-a2", Time.GetUtcNow()));

        var reinstalled = store.FindInstall("T0AAAA");
        var removed = store.RemoveInstall("T0BBBB");
        var removedAgain = store.RemoveInstall("T0BBBB");

        Assert.Equal(new WorkspaceInstall("T0AAAA", "Party HQ", "U0BOT1", "sealed-a2", Time.GetUtcNow()), reinstalled);
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Null(store.FindInstall("T0BBBB"));
        Assert.Equal(["T0AAAA"], store.LoadInstalls().Select(i => i.WorkspaceId));
    }

    [Fact]
    public void SubscribeMany_FromConfiguration_AddsNewChannelsAndLeavesAFilterSetByCommand()
    {
        using var store = NewStore();
        store.Subscribe("discord:2", "party Green", "command", "U1");

        store.SubscribeMany([("discord:1", "everything"), ("discord:2", "everything"), ("slack:C1", "region London")], "config", "configuration");

        Assert.Equal(
            [("discord:1", "everything", "config"), ("discord:2", "party Green", "command"), ("slack:C1", "region London", "config")],
            store.LoadSubscriptions().Select(s => (s.Channel, s.Filter, s.Origin)));
    }

    [Fact]
    public void Pause_ThenSubscribeAgain_ChannelIsBackWithItsQueue()
    {
        using var store = NewStore();
        store.Subscribe("discord:1", "everything", "command", "U1");
        store.Accept("council/bolton", 1, "Bolton_1.xml", Content, [Post("council/bolton", "Bolton stays under no overall control")], ["discord:1"]);

        store.Pause("discord:1", "Unknown Channel");
        var paused = store.ChannelsWithPending();
        store.Subscribe("discord:1", "everything", "config", "configuration"); // configuration alone does not resume it
        var stillPaused = store.ChannelsWithPending();
        store.Subscribe("discord:1", "everything", "command", "U1");

        Assert.Empty(paused);
        Assert.Empty(stillPaused);
        Assert.Equal(["discord:1"], store.ChannelsWithPending());
    }

    [Fact]
    public void Accept_StructuredPost_ComesBackWithFieldsColourAndFooter()
    {
        var post = new Post(PostKind.Declaration, "council/thurrock", "Reform UK gain Thurrock from Labour", [PostSection.Plain("Whole council up: 49 seats"), new PostSection("New council", "Reform UK 25 (+21)")])
        {
            Colour = "#12B6CF",
            Footer = "PA Media · 8 May 2026, 04:00 UK time",
        };
        using var store = NewStore();

        store.Accept("council/thurrock", 1, "Thurrock_1.xml", Content, [post], ["console"]);

        var stored = Assert.Single(store.PendingDeliveries("console")).Post;
        Assert.Equal(post.Sections, stored.Sections);
        Assert.Equal((post.Colour, post.Footer), (stored.Colour, stored.Footer));
    }

    [Fact]
    public void Accept_Correction_LinksToThePostItCorrects()
    {
        using var store = NewStore();
        store.Accept("council/bolton", 1, "Bolton_1.xml", Content, [Post("council/bolton", "Bolton stays under no overall control")], ["console"]);
        var original = store.PendingDeliveries("console").Single();
        store.MarkDelivered(original.DeliveryId, "msg-1");

        store.Accept("council/bolton", 2, "Bolton_2.xml", Content, [Post("council/bolton", "Correction: Bolton stays under no overall control", PostKind.Correction)], ["console"]);

        var correction = Assert.Single(store.PendingDeliveries("console"));
        Assert.Equal(original.PostId, correction.CorrectsPostId);
        Assert.Equal("msg-1", correction.CorrectsPlatformMessageId);
    }

    [Fact]
    public void AcceptAll_DeclarationsAndACorrectionInOneBatch_EachPostKeepsItsOwnValues()
    {
        using var store = NewStore();

        store.AcceptAll(
        [
            new AcceptedMessage("council/adur", 1, "Adur_1.xml", Content, [new QueuedPost(Post("council/adur", "Labour gain Adur"), ["console"])]),
            new AcceptedMessage("council/bolton", 1, "Bolton_1.xml", Content, [new QueuedPost(Post("council/bolton", "Bolton stays under no overall control"), ["console", "c2"])]),
            new AcceptedMessage("council/adur", 2, "Adur_2.xml", Content, [new QueuedPost(Post("council/adur", "Correction: Labour gain Adur", PostKind.Correction), ["console"])]),
        ]);

        var pending = store.PendingDeliveries("console");
        Assert.Equal(["Labour gain Adur", "Bolton stays under no overall control", "Correction: Labour gain Adur"], pending.Select(p => p.Post.Headline));
        Assert.Null(pending[0].CorrectsPostId);
        Assert.Null(pending[1].CorrectsPostId);
        Assert.Equal(pending[0].PostId, pending[2].CorrectsPostId);
        Assert.Equal("Bolton stays under no overall control", Assert.Single(store.PendingDeliveries("c2")).Post.Headline);
        Assert.Equal([("council/adur", 1), ("council/bolton", 1), ("council/adur", 2)], store.LoadMessages().Select(m => (m.Key, m.Revision)));
    }

    [Fact]
    public void Accept_FailsPartWay_StoresNothing()
    {
        using var store = NewStore();

        // The same channel twice breaks the deliveries' uniqueness after the message and post were written.
        Assert.ThrowsAny<Exception>(() =>
            store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["console", "console"]));

        Assert.Empty(store.LoadMessages());
        Assert.Equal(0, store.CountPosts());
        Assert.Empty(store.PendingDeliveries("console"));
    }

    [Fact]
    public void LoadMessagesAfter_TheLastOneRead_GivesOnlyThoseAcceptedSinceInOrder()
    {
        using var store = NewStore();
        store.Accept("council/adur", 1, "Adur_1.xml", Content, [], ["console"]);
        var seen = Assert.Single(store.LoadMessages()).Id;
        store.Accept("council/bolton", 1, "Bolton_1.xml", Content, [], ["console"]);
        store.Accept("council/adur", 2, "Adur_2.xml", Content, [], ["console"]);

        var since = store.LoadMessagesAfter(seen);

        Assert.Equal([("council/bolton", 1), ("council/adur", 2)], since.Select(m => (m.Key, m.Revision)));
        Assert.Empty(store.LoadMessagesAfter(since[^1].Id));
        Assert.Equal(3, store.LoadMessagesAfter(0).Count);
    }

    [Fact]
    public void Accept_SameKeyAndRevisionTwice_IsRefused()
    {
        using var store = NewStore();
        store.Accept("council/adur", 1, "Adur_1.xml", Content, [], ["console"]);

        Assert.ThrowsAny<Exception>(() => store.Accept("council/adur", 1, "copy.xml", Content, [], ["console"]));
        Assert.Single(store.LoadMessages());
    }

    [Fact]
    public void Digest_PostsSentAsOneMessage_AreFoundTogetherAndNeverEditedOneByOne()
    {
        using var store = NewStore();
        store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["c1"]);
        store.Accept("council/bury", 1, "Bury_1.xml", Content, [Post("council/bury", "Labour hold Bury")], ["c1"]);
        var pending = store.PendingDeliveries("c1");
        store.MarkAttempted(pending[0].Channel, [.. pending.Select(p => p.DeliveryId)]);
        store.MarkDelivered([.. pending.Select(p => p.DeliveryId)], "digest-1");

        store.Accept("council/bury", 2, "Bury_2.xml", Content, [Post("council/bury", "Correction: Labour lose Bury", PostKind.Correction)], ["c1"]);

        var correction = Assert.Single(store.PendingDeliveries("c1"));
        Assert.Null(correction.CorrectsPlatformMessageId); // editing the digest for one line would replace the others
        Assert.Null(store.DeliveredMessageId(pending[1].PostId, "c1"));
        var digest = store.DigestCarrying(pending[1].PostId, "c1");
        Assert.NotNull(digest);
        Assert.Equal("digest-1", digest.MessageId);
        Assert.Equal(["Labour hold Adur", "Labour hold Bury"], digest.Posts.Select(p => p.Post.Headline));

        store.MarkDelivered([correction.DeliveryId], "digest-1");
        Assert.Equal(["Labour hold Adur", "Correction: Labour lose Bury"], store.DigestCarrying(pending[0].PostId, "c1")!.Posts.Select(p => p.Post.Headline));
    }

    [Fact]
    public void PendingDeliveries_AttemptedPost_KnowsTheChannelsNewestPostBeforeItAndWhenItWasTried()
    {
        using var store = NewStore();
        store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["c1"]);
        store.Accept("council/bury", 1, "Bury_1.xml", Content, [Post("council/bury", "Labour hold Bury")], ["c1"]);
        var first = store.PendingDeliveries("c1")[0];
        store.MarkDelivered(first.DeliveryId, "m-1");
        var second = Assert.Single(store.PendingDeliveries("c1"));
        Assert.False(second.Attempted);
        Assert.Null(second.PreviousPlatformMessageId);

        Time.Advance(TimeSpan.FromSeconds(3));
        store.MarkAttempted(second.Channel, second.DeliveryId);
        Time.Advance(TimeSpan.FromSeconds(3));
        store.MarkAttempted(second.Channel, second.DeliveryId); // the first attempt's time is the one kept

        var attempted = Assert.Single(store.PendingDeliveries("c1"));
        Assert.True(attempted.Attempted);
        Assert.Equal(Time.GetUtcNow() - TimeSpan.FromSeconds(3), attempted.AttemptedAt);
        Assert.Equal("m-1", attempted.PreviousPlatformMessageId);
    }

    [Fact]
    public void MarkFailed_AndUnsubscribe_SettleWhatIsQueuedAndACorrectionNoLongerFollows()
    {
        using var store = NewStore();
        store.Subscribe("c1", "everything", "command", "U1");
        store.Subscribe("c2", "everything", "command", "U1");
        store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["c1", "c2"]);
        store.Accept("council/bury", 1, "Bury_1.xml", Content, [Post("council/bury", "Labour hold Bury")], ["c1"]);

        store.MarkFailed(store.PendingDeliveries("c1")[0].DeliveryId, "Invalid Form Body");
        Assert.True(store.Unsubscribe("c2"));
        Assert.False(store.Unsubscribe("c2"));
        store.Accept("council/adur", 2, "Adur_2.xml", Content, [Post("council/adur", "Correction: Labour lose Adur", PostKind.Correction)], []);

        Assert.Equal(["Labour hold Bury"], store.PendingDeliveries("c1").Select(p => p.Post.Headline));
        Assert.Empty(store.PendingDeliveries("c2"));
        Assert.Equal(["c1"], store.ChannelsWithPending());
        Assert.Equal(["c1"], store.LoadSubscriptions().Select(s => s.Channel));
    }

    [Fact]
    public void Announce_QueuesTheBotsOwnPostAndLoadMessagesSaysWhenEachWasTaken()
    {
        using var store = NewStore();
        store.Accept("council/adur", 1, "Adur_1.xml", Content, [], []);
        Time.Advance(TimeSpan.FromMinutes(5));

        store.Announce(new Post(PostKind.Announcement, "feed/stuck", "The feed has not changed for 20 minutes", ["Check it."]), ["ops"]);

        Assert.Equal("The feed has not changed for 20 minutes", Assert.Single(store.PendingDeliveries("ops")).Post.Headline);
        Assert.Equal(Time.GetUtcNow() - TimeSpan.FromMinutes(5), Assert.Single(store.LoadMessages()).AcceptedAt);
        Assert.Equal(1, store.CountPosts());
    }

    [Fact]
    public void Accept_PostAboutACouncil_ComesBackKnowingWhetherControlChanged()
    {
        var gain = Post("council/thurrock", "Reform UK gain Thurrock from Labour") with
        {
            Topic = new PostTopic("thurrock", "Thurrock", "council", new HashSet<string>(["REF", "LAB"]), ControlChanged: true),
        };
        using var store = NewStore();

        store.Accept("council/thurrock", 1, "Thurrock_1.xml", Content, [gain], ["discord:1"]);

        var topic = Assert.Single(store.PendingDeliveries("discord:1")).Post.Topic;
        Assert.NotNull(topic);
        Assert.Equal(("thurrock", "Thurrock", "council", true), (topic.CouncilKey, topic.CouncilName, topic.ElectionType, topic.ControlChanged));
        Assert.Equal(["LAB", "REF"], topic.Parties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DeliveredSince_PostsThatWentOut_EachWithItsMessageAndWhatItCorrects()
    {
        using var store = NewStore();
        store.Accept("council/adur", 1, "Adur_1.xml", Content, [Post("council/adur", "Labour hold Adur")], ["discord:1", "discord:2"]);
        store.Accept("council/bolton", 1, "Bolton_1.xml", Content, [Post("council/bolton", "Labour gain Bolton")], ["discord:1"]);
        var adur = store.PendingDeliveries("discord:1")[0];
        store.MarkDelivered(adur.DeliveryId, "m-adur");
        Time.Advance(TimeSpan.FromMinutes(10));
        var since = Time.GetUtcNow();
        var bolton = store.PendingDeliveries("discord:1")[0];
        store.MarkDelivered(bolton.DeliveryId, "m-bolton");
        store.Accept("council/bolton", 2, "Bolton_2.xml", Content, [new QueuedPost(Post("council/bolton", "Correction: Labour hold Bolton", PostKind.Correction), ["discord:1"])]);
        var correction = store.PendingDeliveries("discord:1")[0];
        store.MarkDelivered(correction.DeliveryId, "m-correction");
        store.Accept("council/crawley", 1, "Crawley_1.xml", Content, [Post("council/crawley", "Labour hold Crawley")], ["discord:1"]);
        store.MarkFailed(store.PendingDeliveries("discord:1")[0].DeliveryId, "refused");

        var delivered = store.DeliveredSince("discord:1", since);

        Assert.Equal(
            [("m-bolton", "Labour gain Bolton", (string?)null), ("m-correction", "Correction: Labour hold Bolton", "Labour gain Bolton")],
            delivered.Select(d => (d.PlatformMessageId, d.Post.Headline, d.Corrected?.Headline)));
        Assert.All(delivered, d => Assert.Equal(since, d.DeliveredAt));
        Assert.Empty(store.DeliveredSince("discord:2", since - TimeSpan.FromHours(1)));
    }

    [Fact]
    public void RecordPublish_KeepsTheFirstOutcomeOfEachMessageAndWhenItWasRecorded()
    {
        using var store = NewStore();
        var start = Time.GetUtcNow();
        store.RecordPublish("discord:1", "m1", PublishOutcome.Published);
        Time.Advance(TimeSpan.FromMinutes(30));
        store.RecordPublish("discord:1", "m2", PublishOutcome.GivenUp);
        store.RecordPublish("discord:1", "m1", PublishOutcome.GivenUp); // a publish asked for again after a crash
        store.RecordPublish("discord:2", "m1", PublishOutcome.Published);

        Assert.Equal(
            [new PublishRecord("m1", PublishOutcome.Published, start), new PublishRecord("m2", PublishOutcome.GivenUp, start + TimeSpan.FromMinutes(30))],
            store.PublishesSince("discord:1", start));
        Assert.Equal(["m2"], store.PublishesSince("discord:1", start + TimeSpan.FromMinutes(1)).Select(r => r.PlatformMessageId));
    }

    protected static Post Post(string subject, string headline, PostKind kind = PostKind.Declaration) =>
        new(kind, subject, headline, ["line one", "line two"]);
}
