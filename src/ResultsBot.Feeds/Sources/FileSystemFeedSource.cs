namespace ResultsBot.Feeds.Sources;

/// <summary>
/// A directory (every visible file in it) or a single file. Files that appear or change are offered
/// once per distinct content, oldest first, so a watched drop folder is read in arrival order. The
/// operating system's change notifications wake the watcher as soon as a file lands.
/// </summary>
public sealed class FileSystemFeedSource : IFeedSource, IChangeNotifyingFeedSource, IDisposable
{
    // Files being written (by convention) and a folder's own notes are not feed files.
    private static readonly string[] IgnoredSuffixes = [".tmp", ".part", ".partial", ".swp", ".crdownload", "~", ".md"];

    private readonly string _path;
    private readonly bool _isDirectory;
    private readonly Dictionary<string, (long Length, DateTime Modified, string Fingerprint)> _seen = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;
    private FileSystemWatcher? _watcher;
    private bool _watchFailed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FileSystemFeedSource(string path)
    {
        _path = Path.GetFullPath(path);
        _isDirectory = Directory.Exists(_path);
        if (!_isDirectory && !File.Exists(_path))
        {
            throw new FeedSourceException($"no file or directory at '{path}'");
        }
    }

    public string Description => _path;

    public Task<IReadOnlyList<FeedDocument>> PollAsync(CancellationToken cancellationToken)
    {
        var found = new List<(FileInfo File, byte[] Content, string Fingerprint)>();
        foreach (var file in Candidates())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_seen.TryGetValue(file.FullName, out var seen) && seen.Length == file.Length && seen.Modified == file.LastWriteTimeUtc)
            {
                continue;
            }

            byte[] content;
            try
            {
                content = ReadCapped(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // Being replaced or briefly unreadable: the next poll tries again.
            }

            var fingerprint = ContentFingerprint.Of(content);
            var unchanged = seen.Fingerprint == fingerprint;
            _seen[file.FullName] = (file.Length, file.LastWriteTimeUtc, fingerprint);
            if (!unchanged)
            {
                found.Add((file, content, fingerprint));
            }
        }

        IReadOnlyList<FeedDocument> documents = [.. found
            .OrderBy(f => f.File.LastWriteTimeUtc)
            .ThenBy(f => f.File.Name, StringComparer.Ordinal)
            .Select(f => new FeedDocument(f.File.FullName, f.Content, ++_sequence))];
        return Task.FromResult(documents);
    }

    public void Reoffer(FeedDocument document) => _seen.Remove(document.Origin);

    public Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (StartWatching())
            {
                // A file that landed between the last poll's listing and this moment raised no event:
                // look once more now that nothing further can slip by (the first file after start waited a whole poll).
                return Task.CompletedTask;
            }

            if (_changed.Task.IsCompleted)
            {
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return Task.CompletedTask;
            }

            return _changed.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _watcher?.Dispose();
            _watcher = null;
        }
    }

    // Started on first use, so replay and check (which poll once) never watch. True when it started just now.
    private bool StartWatching()
    {
        if (_watcher is not null || _watchFailed)
        {
            return false;
        }

        try
        {
            var watcher = _isDirectory
                ? new FileSystemWatcher(_path)
                : new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path));
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size;
            watcher.Created += (_, _) => Signal();
            watcher.Changed += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.Error += (_, _) => Signal();
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            return true;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // No notifications (e.g. the system's inotify limit is reached): polling alone still finds everything.
            _watchFailed = true;
            return false;
        }
    }

    private void Signal()
    {
        lock (_gate)
        {
            _changed.TrySetResult();
        }
    }

    private List<FileInfo> Candidates()
    {
        if (!_isDirectory)
        {
            var single = new FileInfo(_path);
            return single.Exists ? [single] : [];
        }

        try
        {
            return new DirectoryInfo(_path).EnumerateFiles()
                .Where(f => !f.Name.StartsWith('.')
                    && !f.Name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
                    && !IgnoredSuffixes.Any(s => f.Name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FeedSourceException($"cannot read the directory '{_path}': {ex.Message}", ex);
        }
    }

    // A file far larger than any PA message is read only far enough to be refused.
    private static byte[] ReadCapped(FileInfo file)
    {
        using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var limit = Pa.PaFeedParser.MaxDocumentBytes + 1;
        var buffer = new byte[Math.Min(limit, Math.Max(0, (int)Math.Min(int.MaxValue, stream.Length)))];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
