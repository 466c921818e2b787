using System.Text;
using ResultsBot.Feeds.Pa;
using ResultsBot.Feeds.Sources;

namespace ResultsBot.Feeds.Tests.Sources;

public sealed class FileSystemFeedSourceTests : IDisposable
{
    private static readonly DateTime Midnight = new(2026, 5, 8, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _dir = Directory.CreateTempSubdirectory("resultsbot-feeds-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task PollAsync_FirstPoll_ReturnsAllFilesByWriteTimeThenName()
    {
        Write("c.xml", "c", minutes: 1);
        Write("b.xml", "b", minutes: 2);
        Write("a.xml", "a", minutes: 2);
        Write("d.xml", "d", minutes: 0);
        var source = new FileSystemFeedSource(_dir);

        var documents = await source.PollAsync(CancellationToken.None);

        Assert.Equal(["d.xml", "c.xml", "a.xml", "b.xml"], documents.Select(d => Path.GetFileName(d.Origin)));
        Assert.Equal([1L, 2, 3, 4], documents.Select(d => d.Sequence));
        Assert.Equal("d", Encoding.UTF8.GetString(documents[0].Content));
        Assert.Equal(Path.Combine(_dir, "d.xml"), documents[0].Origin);
    }

    [Fact]
    public async Task WaitForChangeAsync_FileRenamedIntoTheFolder_CompletesWithoutWaitingForAPoll()
    {
        using var source = new FileSystemFeedSource(_dir);
        await source.PollAsync(CancellationToken.None);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await source.WaitForChangeAsync(patience.Token); // starts watching: one more look straight away
        await source.PollAsync(CancellationToken.None);
        var waiting = source.WaitForChangeAsync(patience.Token);
        var stillWaiting = waiting.IsCompleted;

        File.WriteAllText(Path.Combine(_dir, "Adur.xml.part"), "<x/>");
        File.Move(Path.Combine(_dir, "Adur.xml.part"), Path.Combine(_dir, "Adur.xml"));
        await waiting;
        var documents = await source.PollAsync(CancellationToken.None);

        Assert.False(stillWaiting);
        Assert.Equal(["Adur.xml"], documents.Select(d => Path.GetFileName(d.Origin)));
    }

    [Fact]
    public async Task WaitForChangeAsync_FileLandedBeforeWatchingStarted_IsLookedForAtOnce()
    {
        // The first poll lists the folder before anything watches it: a file landing in between raises no
        // event, so the first wait must not sleep through it.
        using var source = new FileSystemFeedSource(_dir);
        await source.PollAsync(CancellationToken.None);
        File.WriteAllText(Path.Combine(_dir, "Adur.xml"), "<x/>");

        var waiting = source.WaitForChangeAsync(CancellationToken.None);
        var lookedAtOnce = waiting.IsCompleted;
        var documents = await source.PollAsync(CancellationToken.None);

        Assert.True(lookedAtOnce, "the first wait slept through a file that landed before the watcher started");
        Assert.Equal(["Adur.xml"], documents.Select(d => Path.GetFileName(d.Origin)));
    }

    [Fact]
    public async Task PollAsync_SecondPollWithNothingNew_ReturnsNothing()
    {
        Write("a.xml", "a", minutes: 0);
        Write("b.xml", "b", minutes: 1);
        var source = new FileSystemFeedSource(_dir);
        await source.PollAsync(CancellationToken.None);

        var second = await source.PollAsync(CancellationToken.None);

        Assert.Empty(second);
    }

    [Fact]
    public async Task PollAsync_FileChanged_IsOfferedAgainWithNewContent()
    {
        Write("a.xml", "revision 1", minutes: 0);
        Write("b.xml", "b", minutes: 1);
        var source = new FileSystemFeedSource(_dir);
        await source.PollAsync(CancellationToken.None);

        Write("a.xml", "revision 2", minutes: 5); // same length, different bytes

        var documents = await source.PollAsync(CancellationToken.None);
        var changed = Assert.Single(documents);
        Assert.Equal("revision 2", Encoding.UTF8.GetString(changed.Content));
        Assert.Equal(3, changed.Sequence);
        Assert.Empty(await source.PollAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PollAsync_FileTouchedButIdentical_IsNotOffered()
    {
        Write("a.xml", "same", minutes: 0);
        var source = new FileSystemFeedSource(_dir);
        await source.PollAsync(CancellationToken.None);

        Write("a.xml", "same", minutes: 10);

        Assert.Empty(await source.PollAsync(CancellationToken.None));
        Assert.Empty(await source.PollAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PollAsync_NewFiles_AppearInArrivalOrderAfterEarlierOnes()
    {
        Write("m.xml", "m", minutes: 0);
        var source = new FileSystemFeedSource(_dir);
        await source.PollAsync(CancellationToken.None);

        Write("z.xml", "z", minutes: 1);
        Write("a.xml", "a", minutes: 2);
        Write("k.xml", "k", minutes: 3);

        var documents = await source.PollAsync(CancellationToken.None);
        Assert.Equal(["z.xml", "a.xml", "k.xml"], documents.Select(d => Path.GetFileName(d.Origin)));
        Assert.Equal([2L, 3, 4], documents.Select(d => d.Sequence));
    }

    [Theory]
    [InlineData(".hidden.xml")]
    [InlineData("Bolton_1.xml.tmp")]
    [InlineData("Bolton_1.xml.part")]
    [InlineData("Bolton_1.xml.PART")]
    [InlineData("Bolton_1.xml.partial")]
    [InlineData("Bolton_1.xml.crdownload")]
    [InlineData(".Bolton_1.xml.swp")]
    [InlineData("Bolton_1.xml~")]
    public async Task PollAsync_HiddenOrPartialFile_IsIgnored(string name)
    {
        Write("Bolton_1.xml", "whole", minutes: 0);
        Write(name, "being written", minutes: 1);
        var source = new FileSystemFeedSource(_dir);

        var documents = await source.PollAsync(CancellationToken.None);

        Assert.Equal("Bolton_1.xml", Path.GetFileName(Assert.Single(documents).Origin));
    }

    [Fact]
    public async Task PollAsync_PartialFileRenamedWhenComplete_IsOfferedOnce()
    {
        var source = new FileSystemFeedSource(_dir);
        Write("Bolton_1.xml.part", "<LocalElec", minutes: 0);
        Assert.Empty(await source.PollAsync(CancellationToken.None));

        File.Move(Path.Combine(_dir, "Bolton_1.xml.part"), Path.Combine(_dir, "Bolton_1.xml"));

        Assert.Single(await source.PollAsync(CancellationToken.None));
        Assert.Empty(await source.PollAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reoffer_PolledDocument_ComesBackOnNextPoll()
    {
        Write("a.xml", "a", minutes: 0);
        Write("b.xml", "b", minutes: 1);
        var source = new FileSystemFeedSource(_dir);
        var first = await source.PollAsync(CancellationToken.None);

        source.Reoffer(first[1]);

        var again = Assert.Single(await source.PollAsync(CancellationToken.None));
        Assert.Equal(first[1].Origin, again.Origin);
        Assert.Equal(first[1].Content, again.Content);
        Assert.Empty(await source.PollAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PollAsync_SingleFileSource_OffersOnlyThatFileOncePerContent()
    {
        var path = Write("Bolton_1.xml", "one", minutes: 0);
        Write("other.xml", "other", minutes: 0);
        var source = new FileSystemFeedSource(path);

        var first = await source.PollAsync(CancellationToken.None);
        var second = await source.PollAsync(CancellationToken.None);
        Write("Bolton_1.xml", "two!", minutes: 1);
        var third = await source.PollAsync(CancellationToken.None);

        Assert.Equal(path, Assert.Single(first).Origin);
        Assert.Empty(second);
        Assert.Equal("two!", Encoding.UTF8.GetString(Assert.Single(third).Content));
        Assert.Equal(path, source.Description);
    }

    [Fact]
    public async Task PollAsync_SingleFileDeletedLater_ReturnsNothing()
    {
        var path = Write("Bolton_1.xml", "one", minutes: 0);
        var source = new FileSystemFeedSource(path);
        File.Delete(path);

        Assert.Empty(await source.PollAsync(CancellationToken.None));
    }

    [Fact]
    public void Constructor_MissingPath_ThrowsFeedSourceException()
    {
        var missing = Path.Combine(_dir, "no-such-folder");

        var ex = Assert.Throws<FeedSourceException>(() => new FileSystemFeedSource(missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_DirectoryRemovedAfterStart_ThrowsFeedSourceException()
    {
        var inner = Directory.CreateDirectory(Path.Combine(_dir, "drop")).FullName;
        var source = new FileSystemFeedSource(inner);
        Directory.Delete(inner);

        var ex = await Assert.ThrowsAsync<FeedSourceException>(() => source.PollAsync(CancellationToken.None));

        Assert.Contains(inner, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_FileFarLargerThanAnyMessage_IsReadOnlyFarEnoughToRefuse()
    {
        var path = Path.Combine(_dir, "huge.xml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(PaFeedParser.MaxDocumentBytes + (1 << 20));
        }

        var source = new FileSystemFeedSource(_dir);

        var document = Assert.Single(await source.PollAsync(CancellationToken.None));
        Assert.Equal(PaFeedParser.MaxDocumentBytes + 1, document.Content.Length);
        Assert.True(PaFeedParser.Parse(document.Content).IsBad);
    }

    [Fact]
    public async Task PollAsync_CancelledToken_Throws()
    {
        Write("a.xml", "a", minutes: 0);
        var source = new FileSystemFeedSource(_dir);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.PollAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task PollAsync_RealPaTestFeedFolder_OffersEveryFileInWriteTimeThenNameOrder()
    {
        var source = new FileSystemFeedSource(SharedFeeds.PaTestFeed);

        var documents = await source.PollAsync(CancellationToken.None);

        var expected = new DirectoryInfo(SharedFeeds.PaTestFeed).GetFiles()
            .Where(f => !f.Name.StartsWith('.'))
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.FullName);
        Assert.Equal(expected, documents.Select(d => d.Origin));
        Assert.True(documents.Count >= 100);
        Assert.All(documents, d => Assert.False(PaFeedParser.Parse(d.Content).IsBad, d.Origin));
        Assert.Empty(await source.PollAsync(CancellationToken.None));
    }

    private string Write(string name, string content, int minutes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, Midnight.AddMinutes(minutes));
        return path;
    }
}
