using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Subscriptions;
using ResultsBot.Feeds;
using ResultsBot.Pictures;
using ResultsBot.Application.Pipeline;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

/// <summary>Which pictures go out with which post, per channel's "images" setting, and that a picture never holds up its post.</summary>
public sealed class PostPicturesDeliveryTests : IDisposable
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly Lazy<ResultsBook> WholeNight = new(ReadSample);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 3, 6, 0, 0, TimeSpan.Zero));
    private readonly InMemoryResultsStore _store;
    private readonly ChannelSubscriptions _subscriptions;
    private readonly Outlet _outlet = new();

    public PostPicturesDeliveryTests()
    {
        _store = new InMemoryResultsStore(_time);
        _subscriptions = new ChannelSubscriptions(_store);
        _subscriptions.Subscribe("test:default", SubscriptionFilter.Everything, "config", "test");
        _subscriptions.Subscribe("test:on", SubscriptionFilter.Everything with { Images = true }, "config", "test");
        _subscriptions.Subscribe("test:off", SubscriptionFilter.Everything with { Images = false }, "config", "test");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Deliver_EachChannelGetsThePicturesItsImagesSettingAsksFor()
    {
        var thurrock = Declaration("Thurrock");
        var held = WholeNight.Value.Declarations.First(d => d.Controller == d.Sitting);
        Queue(new Post(PostKind.Milestone, "milestone/54-of-107", "Half the councils have declared", ["54 of 107 councils declared"]));
        Queue(new Post(PostKind.Declaration, thurrock.Key, "Labour gain Thurrock from no overall control", ["Whole council up"]));
        Queue(new Post(PostKind.Declaration, held.Key, $"{held.Council.Name}: hold", ["Whole council up"]));

        await Dispatcher(() => WholeNight.Value).DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["map.png", "", ""], _outlet.FileNamesAt("default"));
        Assert.Equal(["map.png", "map.png chamber.png", "chamber.png"], _outlet.FileNamesAt("on"));
        Assert.Equal(["", "", ""], _outlet.FileNamesAt("off"));
        var chamber = _outlet.Sent.Single(p => p.ChannelId == "on" && p.Post.Subject == thurrock.Key).Images[1];
        Assert.StartsWith("Thurrock: the new council as a half circle of 49 seats, one dot each", chamber.AltText, StringComparison.Ordinal);
        Assert.StartsWith("Council control tonight: hex map of Great Britain's councils", _outlet.Sent.First(p => p.ChannelId == "default").Images[0].AltText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_WithImagesOn_AMayorsResultCarriesItsCandidatesChartAndTheShareItsBars()
    {
        var hackney = FeedParser.Parse(File.ReadAllBytes(Path.Combine(Paths.SharedFeeds, "Mayoral_Elections_Test_result_Hackney_1.xml")), "Hackney.xml").Messages.OfType<CandidateResult>().Single();
        var share = new NationalShare(1, "BBC projected national share", _time.GetUtcNow(), "U1", [new PartyShare(new Domain.Parties.PartyCode("Lab"), 34, null), new PartyShare(new Domain.Parties.PartyCode("C"), 25, null)]);
        var book = WholeNight.Value.Accept(hackney).Book.Accept(share).Book;
        Queue(new Post(PostKind.Declaration, hackney.Contest.Key, "Hackney mayor", ["Votes"]));
        Queue(NationalShareText.Compose(share, EnGb));

        await Dispatcher(() => book).DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["candidates.png", "share.png"], _outlet.FileNamesAt("on"));
        Assert.Equal(["", ""], _outlet.FileNamesAt("default"));
        Assert.StartsWith("Hackney mayor: bar chart of each candidate's share of the vote — ", _outlet.Sent.First(p => p.ChannelId == "on").Images[0].AltText, StringComparison.Ordinal);
        Assert.StartsWith("Projected national share: bar chart of each party's projected share of the vote — Labour 34% (marked), Conservatives 25%.", _outlet.Sent.Last(p => p.ChannelId == "on").Images[0].AltText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_OnePostToManyChannels_IsDrawnOnceNotOncePerChannel()
    {
        var channels = Enumerable.Range(1, 20).Select(i => $"test:many{i}").ToList();
        foreach (var channel in channels)
        {
            _subscriptions.Subscribe(channel, SubscriptionFilter.Everything, "config", "test");
        }

        var drawings = 0;
        _store.Announce(new Post(PostKind.Milestone, "milestone/54-of-107", "Half the councils have declared", ["54 of 107 councils declared"]), channels);

        await Dispatcher(() =>
        {
            Interlocked.Increment(ref drawings);
            return WholeNight.Value;
        }).DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(20, _outlet.Sent.Count(p => p.Images.Count == 1 && p.Images[0].FileName == "map.png"));
        Assert.Equal(1, drawings);
        Assert.Single(_outlet.Sent.Select(p => p.Images[0].Png).Distinct());
    }

    [Fact]
    public async Task For_WhileAnotherChannelsPictureIsBeingDrawn_AChannelWithoutThatPictureIsNotHeldUp()
    {
        // The console draws every council's chamber; a Discord channel with the default setting takes none, and its
        // post must not wait behind that drawing (it did: one lock around every drawing, and p99 drop to request rose).
        using var drawing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var calls = 0;
        var pictures = new PostPictures(new PictureMaker(EnGb, "PA Media", _time), () =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                drawing.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }

            return WholeNight.Value;
        }, new RecordingLogger<PostPictures>());
        var thurrock = new Post(PostKind.Declaration, Declaration("Thurrock").Key, "Labour gain Thurrock from no overall control", ["Whole council up"]);

        var withChamber = Task.Run(() => pictures.For(thurrock, images: true));
        Assert.True(drawing.Wait(TimeSpan.FromSeconds(10)), "the chamber's drawing never started");
        var withoutPictures = Task.Run(() => pictures.For(thurrock, images: null));
        var notHeldUp = await Task.WhenAny(withoutPictures, Task.Delay(TimeSpan.FromSeconds(5))) == withoutPictures;
        release.Set();

        Assert.True(notHeldUp, "the channel without pictures waited for another channel's drawing");
        Assert.Empty(await withoutPictures);
        Assert.Equal(["map.png", "chamber.png"], (await withChamber).Select(i => i.FileName));
    }

    [Fact]
    public async Task Deliver_PictureFailsToDraw_ThePostGoesOutWithoutItAndTheFailureIsLogged()
    {
        var logger = new RecordingLogger<PostPictures>();
        Queue(new Post(PostKind.Milestone, "milestone/54-of-107", "Half the councils have declared", ["54 of 107 councils declared"]));

        await Dispatcher(() => throw new InvalidOperationException("the layout has no such council"), logger).DeliverPendingAsync(CancellationToken.None);

        Assert.Equal(["Half the councils have declared"], _outlet.Sent.Where(p => p.ChannelId == "on").Select(p => p.Post.Headline));
        Assert.All(_outlet.Sent, p => Assert.Empty(p.Images));
        Assert.Empty(_store.PendingDeliveries("test:on"));
        Assert.Contains("The picture for milestone/54-of-107 could not be drawn (the layout has no such council); the post goes without it", logger.Lines);
    }

    private PostDispatcher Dispatcher(Func<ResultsBook> book, RecordingLogger<PostPictures>? logger = null) =>
        new(_store, [_outlet], _subscriptions, new DigestComposer(EnGb), _time,
            pictures: new PostPictures(new PictureMaker(EnGb, "PA Media", _time), book, logger ?? new RecordingLogger<PostPictures>()));

    private void Queue(Post post) =>
        _store.Announce(post, ["test:default", "test:on", "test:off"]);

    private static CouncilDeclaration Declaration(string council) => WholeNight.Value.Declarations.Single(d => d.Council.Name == council);

    private static ResultsBook ReadSample()
    {
        var folder = Path.Combine(Paths.RepoRoot, "samples", "england-locals-2024");
        var messages = Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal)
            .SelectMany(f => FeedParser.Parse(File.ReadAllBytes(f), Path.GetFileName(f)).Messages)
            .ToList();
        var book = ResultsBook.Empty.ExpectCouncils(messages.OfType<CouncilDeclaration>().Select(d => d.Council.Name));
        return messages.Aggregate(book, (b, m) => b.Accept(m).Book);
    }

    private sealed class Outlet : IPlatformOutlet
    {
        private readonly Lock _gate = new();
        private readonly List<OutgoingPost> _sent = [];

        public string Platform => "test";

        public IReadOnlyList<OutgoingPost> Sent
        {
            get
            {
                lock (_gate)
                {
                    return [.. _sent];
                }
            }
        }

        public IReadOnlyList<string> FileNamesAt(string channel) =>
            [.. Sent.Where(p => p.ChannelId == channel).Select(p => string.Join(" ", p.Images.Select(i => i.FileName)))];

        public Task<string?> SendAsync(OutgoingPost post, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _sent.Add(post);
                return Task.FromResult<string?>("m" + _sent.Count);
            }
        }
    }
}
