using ResultsBot.Discord.Tests.Support;
using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>Threads are channels like any other; a forum gets the night as replies in one post the bot opens there, once.</summary>
public sealed class DiscordOutletForumTests
{
    private const string Forum = "1300000000000000015";
    private const string Text = "1300000000000000001";
    private const string Thread = "1300000000000000111";
    private const string Night = "Local elections 2024: results";

    [Fact]
    public async Task SendAsync_ToAThread_LandsInTheThreadLikeAnyChannel()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddThread(Text, Thread);

        var id = await discord.Outlet.SendAsync(SamplePosts.To(Thread, 1, SamplePosts.Declaration()), default);

        var message = Assert.Single(discord.Fake.MessagesIn(Thread));
        Assert.Equal((message.Id, "Labour gain Rushmoor from Conservatives"), (id, message.Title));
        Assert.Empty(discord.Fake.MessagesIn(Text));
    }

    [Fact]
    public async Task SendAsync_ToAnArchivedThread_UnarchivesItByPosting()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddThread(Text, Thread);
        discord.Fake.ArchiveThread(Thread);

        await discord.Outlet.SendAsync(SamplePosts.To(Thread, 1, SamplePosts.Declaration()), default);

        Assert.Single(discord.Fake.MessagesIn(Thread));
        Assert.False(Assert.Single(discord.Fake.ThreadsIn(Text)).Archived);
    }

    [Fact]
    public async Task SendAsync_ToAForum_OpensOnePostTitledForTheNightAndRepliesInIt()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddForum(Forum);
        var outlet = Outlet(discord, new MemoryForumThreads());

        var ids = new List<string?>();
        foreach (var (council, n) in new[] { ("Rushmoor", 1), ("Thurrock", 2), ("Adur", 3) })
        {
            ids.Add(await outlet.SendAsync(SamplePosts.To(Forum, n, SamplePosts.Declaration(council)), default));
        }

        var thread = Assert.Single(discord.Fake.ThreadsIn(Forum));
        Assert.Equal((Night, discord.Fake.Options.BotUserId), (thread.Name, thread.OwnerId));
        var messages = discord.Fake.MessagesIn(thread.Id);
        Assert.Equal("Local elections 2024: results — each result is a reply below, as it is declared.", messages[0].Content);
        Assert.Equal(
            ["Labour gain Rushmoor from Conservatives", "Labour gain Thurrock from Conservatives", "Labour gain Adur from Conservatives"],
            messages.Skip(1).Select(m => m.Title));
        Assert.Equal(messages.Skip(1).Select(m => m.Id), ids);
        Assert.Empty(discord.Fake.MessagesIn(Forum));
    }

    [Fact]
    public async Task SendAsync_AfterARestartWithTheStore_PostsOnInTheSameThread()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddForum(Forum);
        var store = new MemoryForumThreads();
        await Outlet(discord, store).SendAsync(SamplePosts.To(Forum, 1, SamplePosts.Declaration("Rushmoor")), default);
        var listsBefore = discord.Fake.ThreadListReadCount;

        await Outlet(discord, store).SendAsync(SamplePosts.To(Forum, 2, SamplePosts.Declaration("Thurrock")), default);

        var thread = Assert.Single(discord.Fake.ThreadsIn(Forum));
        Assert.Equal(Night, thread.Name);
        Assert.Equal(3, discord.Fake.MessagesIn(thread.Id).Count);
        Assert.Equal(thread.Id, store.FindForumThread("discord:" + Forum, Night));
        Assert.Equal(listsBefore, discord.Fake.ThreadListReadCount); // the store knew it: no search
    }

    [Fact]
    public async Task SendAsync_ThreadOpenedButNeverStored_IsFoundAmongActiveThreadsNotOpenedAgain()
    {
        // A crash between Discord opening the thread and the store keeping it: the next run's store knows nothing.
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddForum(Forum);
        await Outlet(discord, new MemoryForumThreads()).SendAsync(SamplePosts.To(Forum, 1, SamplePosts.Declaration("Rushmoor")), default);
        var forgetful = new MemoryForumThreads();

        await Outlet(discord, forgetful).SendAsync(SamplePosts.To(Forum, 2, SamplePosts.Declaration("Thurrock")), default);

        var thread = Assert.Single(discord.Fake.ThreadsIn(Forum));
        Assert.Equal(3, discord.Fake.MessagesIn(thread.Id).Count);
        Assert.Equal(thread.Id, forgetful.FindForumThread("discord:" + Forum, Night));
    }

    [Fact]
    public async Task SendAsync_ThreadNeverStoredAndSinceArchived_IsFoundAmongArchivedThreadsAndUnarchived()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddForum(Forum);
        await Outlet(discord, new MemoryForumThreads()).SendAsync(SamplePosts.To(Forum, 1, SamplePosts.Declaration("Rushmoor")), default);
        discord.Fake.ArchiveThread(discord.Fake.ThreadsIn(Forum)[0].Id);

        await Outlet(discord, new MemoryForumThreads()).SendAsync(SamplePosts.To(Forum, 2, SamplePosts.Declaration("Thurrock")), default);

        var thread = Assert.Single(discord.Fake.ThreadsIn(Forum));
        Assert.False(thread.Archived);
        Assert.Equal(3, discord.Fake.MessagesIn(thread.Id).Count);
    }

    [Fact]
    public async Task SendAsync_SomeoneElsesThreadOfTheSameTitle_IsNotTakenForTheBots()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddForum(Forum);
        discord.Fake.AddThread(Forum, Thread, Night); // opened by a member, not the bot

        await Outlet(discord, new MemoryForumThreads()).SendAsync(SamplePosts.To(Forum, 1, SamplePosts.Declaration()), default);

        var threads = discord.Fake.ThreadsIn(Forum);
        Assert.Equal(2, threads.Count);
        Assert.Empty(discord.Fake.MessagesIn(Thread));
        Assert.Equal(2, discord.Fake.MessagesIn(threads[1].Id).Count);
    }

    [Fact]
    public async Task SendAsync_ThreadPerCouncil_EachCouncilGetsItsOwnPostAndNightNewsTheNightsPost()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddForum(Forum);
        var outlet = Outlet(discord, new MemoryForumThreads());

        await outlet.SendAsync(PerCouncil(1, WithTopic(SamplePosts.Declaration("Rushmoor"), "Rushmoor")), default);
        await outlet.SendAsync(PerCouncil(2, WithTopic(SamplePosts.Declaration("Thurrock"), "Thurrock")), default);
        await outlet.SendAsync(PerCouncil(3, new Post(PostKind.Milestone, "milestone/25", "A quarter of councils have declared", ["27 of 107 declared"])), default);

        Assert.Equal(["Rushmoor: results", "Thurrock: results", Night], discord.Fake.ThreadsIn(Forum).Select(t => t.Name));
        Assert.All(discord.Fake.ThreadsIn(Forum), t => Assert.Equal(2, discord.Fake.MessagesIn(t.Id).Count));
    }

    [Fact]
    public async Task SendAsync_ThreadPerCouncilPostReadBackWithoutItsTopic_GoesByItsSubjectsCouncil()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddForum(Forum);

        await Outlet(discord, new MemoryForumThreads()).SendAsync(PerCouncil(1, SamplePosts.Declaration("Thurrock") with { Subject = "council/thurrock" }), default);

        Assert.Equal("Thurrock: results", Assert.Single(discord.Fake.ThreadsIn(Forum)).Name);
    }

    [Fact]
    public async Task SendAsync_CorrectionInAForum_EditsTheOriginalInItsThreadAndRepliesThere()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddForum(Forum);
        var store = new MemoryForumThreads();
        var original = await Outlet(discord, store).SendAsync(SamplePosts.To(Forum, 1, SamplePosts.Declaration()), default);

        // After a restart: the new outlet learns again that the channel is a forum.
        var edited = await Outlet(discord, store).SendAsync(SamplePosts.To(Forum, 2, SamplePosts.Correction(), original), default);

        var thread = Assert.Single(discord.Fake.ThreadsIn(Forum));
        var messages = discord.Fake.MessagesIn(thread.Id);
        Assert.Equal(original, edited);
        Assert.Equal("Correction: Labour hold Rushmoor", messages.Single(m => m.Id == original).Title);
        Assert.Equal(original, messages[^1].ReferencedMessageId);
        Assert.Equal(3, messages.Count);
    }

    [Fact]
    public async Task SendAsync_CorrectionInAThreadArchivedSinceTheOriginal_OpensTheThreadAgainAndEdits()
    {
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddThread(Text, Thread);
        var original = await discord.Outlet.SendAsync(SamplePosts.To(Thread, 1, SamplePosts.Declaration()), default);
        discord.Fake.ArchiveThread(Thread); // an hour of quiet in a thread that archives after an hour

        var edited = await discord.Outlet.SendAsync(SamplePosts.To(Thread, 2, SamplePosts.Correction(), original), default);

        var messages = discord.Fake.MessagesIn(Thread);
        Assert.Equal(original, edited);
        Assert.Equal("Correction: Labour hold Rushmoor", messages[0].Title);
        Assert.Equal(original, messages[^1].ReferencedMessageId);
        Assert.False(Assert.Single(discord.Fake.ThreadsIn(Text)).Archived);
    }

    [Fact]
    public async Task AlreadyThereAsync_AForumWhosePostHoldsThem_FindsThePostsInItsThreadEvenWithoutTheStore()
    {
        // The database was lost: its posts look unsent, and the thread it remembered is forgotten with it.
        await using var discord = await DiscordFixture.StartAsync();
        discord.Fake.AddForum(Forum);
        await Outlet(discord, new MemoryForumThreads()).SendAsync(SamplePosts.To(Forum, 1, SamplePosts.Declaration("Rushmoor")), default);

        var there = await Outlet(discord, new MemoryForumThreads()).AlreadyThereAsync(Forum, [
            SamplePosts.To(Forum, 1, SamplePosts.Declaration("Rushmoor")),
            SamplePosts.To(Forum, 2, SamplePosts.Declaration("Thurrock")),
        ], default);

        Assert.Equal([1L], there);
    }

    private static DiscordOutlet Outlet(DiscordFixture discord, MemoryForumThreads store) =>
        new(discord.Rest, forumThreads: store, forumTitle: Night);

    private static Post WithTopic(Post post, string council) =>
        post with { Topic = new PostTopic(council.ToLowerInvariant(), council, "council", new HashSet<string> { "Lab" }, true) };

    private static OutgoingPost PerCouncil(long id, Post post) => new(id, Forum, post) { ThreadPerCouncil = true };
}
