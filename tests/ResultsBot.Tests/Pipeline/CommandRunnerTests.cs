using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Application.Pipeline;
using ResultsBot.Application.Storage;
using ResultsBot.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

public sealed class CommandRunnerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void ChannelCommands_AreTheCataloguesCommandsAboutTheChannel_AndTheEngineAnswersTheRest()
    {
        var aboutTheChannel = CommandCatalogue.All.Where(c => c.AboutTheChannel).Select(c => c.Name);

        Assert.Equal(aboutTheChannel.Order(StringComparer.Ordinal), CommandRunner.ChannelCommands.Order(StringComparer.Ordinal));
        Assert.Equal(["subscribe", "subscriptions", "unsubscribe"], CommandRunner.ChannelCommands.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_StoreLockedWhenAnAdminSetsTheShare_AnswersPlainlyAndChangesNothing()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var time = new FakeTimeProvider();
        var db = _dir.File("bot.db");
        using var store = SqliteResultsStore.Open($"Data Source={db};Default Timeout=1", time);
        var subscriptions = new ChannelSubscriptions(store);
        var dispatcher = new PostDispatcher(store, [], subscriptions, new DigestComposer(culture), time);
        var desk = new ResultsDesk(store, new DeclarationPostComposer(culture), new MilestoneComposer(culture), subscriptions, time, culture, NullLogger<ResultsDesk>.Instance);
        var runner = new CommandRunner(new CommandEngine(culture, time), desk, dispatcher, subscriptions, time, culture, NullLogger<CommandRunner>.Instance);
        using var locker = new SqliteConnection($"Data Source={db};Pooling=False");
        locker.Open();
        using var exclusive = locker.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        exclusive.ExecuteNonQuery();

        var answer = await runner.RunAsync("/share set Lab 34 source BBC", new Caller("console", true), CancellationToken.None);

        Assert.False(answer.Ok);
        Assert.StartsWith("Sorry, that could not be done just now", answer.Text, StringComparison.Ordinal);
        Assert.Null(desk.Book.Latest(Domain.Messages.NationalShare.MessageKey));
    }

    [Fact]
    public async Task RunAsync_AQuestion_IsAnsweredWithoutTheStore()
    {
        // A burst of /council on results night must not queue behind the store: questions are answered from
        // the book in memory. A closed store shows any store access (it throws).
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var time = new FakeTimeProvider();
        var store = SqliteResultsStore.Open($"Data Source={_dir.File("bot.db")}", time);
        var subscriptions = new ChannelSubscriptions(store);
        var dispatcher = new PostDispatcher(store, [], subscriptions, new DigestComposer(culture), time);
        var desk = new ResultsDesk(store, new DeclarationPostComposer(culture), new MilestoneComposer(culture), subscriptions, time, culture, NullLogger<ResultsDesk>.Instance);
        var runner = new CommandRunner(new CommandEngine(culture, time), desk, dispatcher, subscriptions, time, culture, NullLogger<CommandRunner>.Instance);
        store.Dispose();

        var answer = await runner.RunAsync("/scoreboard", new Caller("someone", false), CancellationToken.None);

        Assert.True(answer.Ok, answer.Text);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
