using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Posts;
using ResultsBot.Feeds;
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

    [Fact]
    public async Task RunAsync_BeforeTheNightIsReadBack_WaitsForItAndAnswersFromTheNight()
    {
        var (runner, desk, readBack, time, expected) = StartingInstance();

        var asked = runner.RunAsync(expected.Question, new Caller("someone", false), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(asked.IsCompleted); // an empty book's "not declared yet" would be wrong, not early
        desk.Restore();

        var answer = await asked;
        Assert.True(readBack.Done);
        Assert.Equal(expected.Answer, answer.Text);
    }

    [Fact]
    public async Task RunAsync_NightNotReadBackWithinTwoSeconds_SaysTheBotIsStartingRatherThanAnswerFromAnEmptyBook()
    {
        var (runner, _, _, time, expected) = StartingInstance();

        var asked = runner.RunAsync(expected.Question, new Caller("someone", false), CancellationToken.None);
        time.Advance(NightReadBack.CommandPatience);
        var answer = await asked;

        Assert.False(answer.Ok);
        Assert.Equal("The bot is starting and still reading tonight's results back from its database; please ask again in a few seconds.", answer.Text);
    }

    // A store that holds a declaration (as another instance, or this one before a restart, accepted it) and a bot just
    // started on it, its night not read back yet; with what /council answers for that council once it is.
    private (CommandRunner Runner, ResultsDesk Desk, NightReadBack ReadBack, FakeTimeProvider Time, (string Question, string Answer) Expected) StartingInstance()
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        var time = new FakeTimeProvider();
        var store = SqliteResultsStore.Open($"Data Source={_dir.File("bot.db")}", time);
        var subscriptions = new ChannelSubscriptions(store);
        var file = Directory.GetFiles(Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024"), "*_result_*.xml").Order(StringComparer.Ordinal).First();
        var document = new FeedDocument(Path.GetFileName(file), File.ReadAllBytes(file));
        var declaration = FeedParser.Parse(document.Content, document.Origin).Messages.OfType<Domain.Messages.CouncilDeclaration>().Single();
        var earlier = new ResultsDesk(store, new DeclarationPostComposer(culture), new MilestoneComposer(culture), subscriptions, time, culture, NullLogger<ResultsDesk>.Instance);
        earlier.Take(document, declaration);
        var question = "/council " + declaration.Council.Name;
        var answer = new CommandEngine(culture, time).Answer(question, earlier.Book, new Caller("someone", false)).Text;

        var readBack = new NightReadBack();
        var desk = new ResultsDesk(store, new DeclarationPostComposer(culture), new MilestoneComposer(culture), subscriptions, time, culture, NullLogger<ResultsDesk>.Instance, readBack: readBack);
        var dispatcher = new PostDispatcher(store, [], subscriptions, new DigestComposer(culture), time);
        var runner = new CommandRunner(new CommandEngine(culture, time), desk, dispatcher, subscriptions, time, culture, NullLogger<CommandRunner>.Instance, readBack: readBack);
        _stores.Add(store);
        return (runner, desk, readBack, time, (question, answer));
    }

    private readonly List<IDisposable> _stores = [];

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
