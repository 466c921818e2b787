namespace ResultsBot.Tests.Support;

internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "resultsbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string CopyFeed(params string[] sharedNames)
    {
        foreach (var name in sharedNames)
        {
            System.IO.File.Copy(Paths.SharedFeedFile(name), File(name), overwrite: true);
        }

        return Path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed bot may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
