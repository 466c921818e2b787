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
    private readonly Action<string>? _afterRead;
    private long _sequence;
    private FileSystemWatcher? _watcher;
    private bool _watchFailed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FileSystemFeedSource(string path)
        : this(path, afterRead: null)
    {
    }

    /// <param name="afterRead">Called with a file's path after its bytes are read and before it is checked for changes (tests change it there).</param>
    internal FileSystemFeedSource(string path, Action<string>? afterRead)
    {
        _afterRead = afterRead;
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
        var found = new List<(FileInfo File, DateTime Modified, byte[] Content)>();
        var listed = Candidates();
        foreach (var file in listed)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Each file on its own: one that vanished, is being rewritten or cannot be opened holds up no other.
            if (TryRead(file) is not { } read)
            {
                continue;
            }

            _seen.TryGetValue(file.FullName, out var seen);
            var fingerprint = ContentFingerprint.Of(read.Content);
            var unchanged = seen.Fingerprint == fingerprint;
            _seen[file.FullName] = (read.Length, read.Modified, fingerprint);
            if (!unchanged)
            {
                found.Add((file, read.Modified, read.Content));
            }
        }

        // Files deleted behind the bot (routine clean-up) are forgotten, so a night of rotated files does not pile up.
        if (_isDirectory && _seen.Count > listed.Count)
        {
            var present = listed.Select(f => f.FullName).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _seen.Keys.Where(k => !present.Contains(k)).ToList())
            {
                _seen.Remove(gone);
            }
        }

        IReadOnlyList<FeedDocument> documents = [.. found
            .OrderBy(f => f.Modified)
            .ThenBy(f => f.File.Name, StringComparer.Ordinal)
            .Select(f => new FeedDocument(f.File.FullName, f.Content, ++_sequence))];
        return Task.FromResult(documents);
    }

    /// <summary>
    /// The file's bytes when it is new or changed since it was last read and held still while being read;
    /// null when it is unchanged, gone, not a regular file, unreadable for now, or changed under the reader
    /// (each of those is looked at again on a later poll).
    /// </summary>
    private (long Length, DateTime Modified, byte[] Content)? TryRead(FileInfo file)
    {
        try
        {
            file.Refresh();
            var (length, modified) = (file.Length, file.LastWriteTimeUtc);
            if (_seen.TryGetValue(file.FullName, out var seen) && seen.Length == length && seen.Modified == modified)
            {
                return null;
            }

            using var stream = RegularFile.OpenForReading(file.FullName);
            if (stream is null)
            {
                return null; // a FIFO, socket or device: never read, so it can never block the loop
            }

            var content = ReadCapped(stream);
            _afterRead?.Invoke(file.FullName);
            file.Refresh();
            if (!file.Exists || file.Length != length || file.LastWriteTimeUtc != modified || (content.Length != length && content.Length <= Pa.PaFeedParser.MaxDocumentBytes))
            {
                return null; // written to while being read: the half-old, half-new bytes are not offered
            }

            return (length, modified, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // gone since the listing (FileNotFoundException is an IOException), or briefly unreadable
        }
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
    private static byte[] ReadCapped(FileStream stream)
    {
        var limit = Pa.PaFeedParser.MaxDocumentBytes + 1;
        var buffer = new byte[Math.Min(limit, Math.Max(0, (int)Math.Min(int.MaxValue, stream.Length)))];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }
}
