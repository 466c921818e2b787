using System.Diagnostics;
using System.Text;
using ResultsBot.Feeds.Sources;

namespace ResultsBot.Feeds.Tests.Sources;

/// <summary>Each file in a watched folder is read on its own: one that vanishes, changes under the reader or is no regular file holds up no other.</summary>
public sealed class FileSystemFeedSourceIsolationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("resultsbot-isolation-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task PollAsync_FilesDeletedBetweenListingAndReading_OffersTheRestWithoutFailing()
    {
        foreach (var name in new[] { "a.xml", "b.xml", "c.xml", "d.xml" })
        {
            File.WriteAllText(Path.Combine(_dir, name), name);
        }

        string? firstRead = null;
        using var source = new FileSystemFeedSource(_dir, afterRead: path =>
        {
            if (firstRead is not null)
            {
                return;
            }

            // Clean-up behind the bot: every other file goes while the first is being read.
            firstRead = path;
            foreach (var other in Directory.GetFiles(_dir).Where(f => f != path))
            {
                File.Delete(other);
            }
        });

        var documents = await source.PollAsync(CancellationToken.None);

        Assert.Equal([firstRead], documents.Select(d => d.Origin));
        Assert.Empty(await source.PollAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PollAsync_FileRewrittenWhileBeingRead_IsNotOfferedHalfReadButReadAgainNextPoll()
    {
        var path = Path.Combine(_dir, "Adur.xml");
        File.WriteAllText(path, "first version");
        var rewrites = 0;
        using var source = new FileSystemFeedSource(_dir, afterRead: p =>
        {
            if (rewrites++ == 0)
            {
                File.WriteAllText(p, "second version, longer");
            }
        });

        var during = await source.PollAsync(CancellationToken.None);
        var after = await source.PollAsync(CancellationToken.None);

        Assert.Empty(during);
        Assert.Equal("second version, longer", Encoding.UTF8.GetString(Assert.Single(after).Content));
    }

    [Fact]
    public async Task PollAsync_FifoInTheFolder_IsNeverOpenedForReadingAndBlocksNothing()
    {
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [Path.Combine(_dir, "pipe.xml")]) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        File.WriteAllText(Path.Combine(_dir, "Adur.xml"), "<x/>");
        using var source = new FileSystemFeedSource(_dir);

        var polling = Task.Run(() => source.PollAsync(CancellationToken.None)); // a blocked open would block the caller
        var finished = await Task.WhenAny(polling, Task.Delay(TimeSpan.FromSeconds(5))) == polling;

        Assert.True(finished, "a poll blocked on the FIFO");
        Assert.Equal(["Adur.xml"], (await polling).Select(d => Path.GetFileName(d.Origin)));
    }
}
