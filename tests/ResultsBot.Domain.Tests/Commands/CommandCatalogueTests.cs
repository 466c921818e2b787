using ResultsBot.Domain.Book;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Commands;

/// <summary>The one list of commands: what is registered, listed in /help and routed is the same set, read from it.</summary>
public sealed class CommandCatalogueTests
{
    private readonly CommandEngine _engine = new(Culture.EnGb);
    private readonly ResultsBook _book = Books.With([Night.Adur, Night.Bolton]);

    [Fact]
    public void Routes_EveryCommandNotAboutTheChannel_AndNothingElse()
    {
        Assert.Equal(
            CommandCatalogue.All.Where(c => !c.AboutTheChannel).Select(c => c.Name).Order(StringComparer.Ordinal),
            CommandEngine.Routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AboutTheChannel_AreTheSubscriptionCommands()
    {
        Assert.Equal(["subscribe", "subscriptions", "unsubscribe"], CommandCatalogue.All.Where(c => c.AboutTheChannel).Select(c => c.Name));
    }

    [Fact]
    public void Help_ListsEveryCommandOnceByItsName_InTheCataloguesOrder()
    {
        var usages = CommandEngine.Help.Split('\n').Skip(1).Select(line => line.Trim().Split(' ')[0]).Distinct();

        Assert.Equal(CommandCatalogue.All.Select(c => "/" + c.Name), usages);
    }

    [Fact]
    public void Help_Subscribe_NamesThePublishAndForumClausesItsUsageTeaches()
    {
        var line = CommandEngine.Help.Split('\n').Single(l => l.TrimStart().StartsWith("/subscribe ", StringComparison.Ordinal));

        Assert.Equal(
            "  /subscribe FILTERS  post results in this channel, e.g. region London; party Green; changes; publish (in a Discord announcement channel); forum per council (in a Discord forum) (admins only)",
            line);
        Assert.Contains("; publish;", ResultsBot.Domain.Subscriptions.SubscriptionParser.Usage, StringComparison.Ordinal);
        Assert.Contains("; forum per council", ResultsBot.Domain.Subscriptions.SubscriptionParser.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/pns", "/share")]
    [InlineData("/scores", "/scoreboard")]
    [InlineData("/byelection Abbey", "/ward Abbey")]
    [InlineData("/start", "/help")]
    [InlineData("/COUNCIL Adur", "/council Adur")]
    public void Answer_AnAlias_IsTheCommandsAnswer(string alias, string command)
    {
        var expected = _engine.Answer(command, _book);
        var answer = _engine.Answer(alias, _book);

        Assert.Equal((expected.Ok, expected.Text), (answer.Ok, answer.Text));
    }

    [Fact]
    public void NamesAndAliases_AreLowerCaseAndUnique()
    {
        var names = CommandCatalogue.All.SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Equal(name.ToLowerInvariant(), name));
        Assert.All(CommandCatalogue.All, c => Assert.Same(c, CommandCatalogue.Find(c.Name)));
    }

    [Fact]
    public void Answer_ACommandAboutTheChannel_IsNotTheEnginesToAnswer()
    {
        var answer = _engine.Answer("/subscribe party Green", _book);

        Assert.False(answer.Ok);
        Assert.Equal("I don't know the command \"/subscribe\". /help lists the ones I do; questions such as \"who won Birmingham\" or \"how are Labour doing\" work too.", answer.Text);
    }

    [Theory]
    [InlineData("/council Thurrock", true)]
    [InlineData("/declared all", true)]
    [InlineData("/scores", true)]
    [InlineData("/share", true)]
    [InlineData("/share set Lab 34 source BBC", false)]
    [InlineData("/pns SET Lab 34", false)]
    [InlineData("/subscribe region London", false)]
    [InlineData("/subscriptions", false)]
    [InlineData("/unsubscribe", false)]
    [InlineData("/teleport", false)]
    [InlineData("council Thurrock", false)]
    [InlineData("/", false)]
    public void ReadsOnly_OnlyCommandsThatReadTheResults_MayBeRunAgainByAButton(string input, bool readsOnly) =>
        Assert.Equal(readsOnly, CommandCatalogue.ReadsOnly(input));
}
