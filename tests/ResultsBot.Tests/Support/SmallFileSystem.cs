using System.Diagnostics;

namespace ResultsBot.Tests.Support;

/// <summary>
/// A small file system the test mounts for itself (root only): a tmpfs of a few megabytes to fill up, or
/// an ext4 image that the kernel can be told to make read-only, as it does after a disk error. Unmounted
/// (and the image removed) on dispose.
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    private readonly string? _image;

    private SmallFileSystem(string path, string? image)
    {
        Path = path;
        _image = image;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Null when this machine cannot mount one here (not root, no mount, a container that forbids it); why not, then.</summary>
    public static string? WhyNotTmpfs()
    {
        using var probe = TryTmpfs(64 * 1024, out var why);
        return probe is null ? why : null;
    }

    /// <summary>Null when an ext4 image can be mounted here and has the kernel's trigger_fs_error; why not, otherwise.</summary>
    public static string? WhyNotReadOnlyExt4()
    {
        using var probe = TryExt4(out var why);
        if (probe is null)
        {
            return why;
        }

        var trigger = probe.DeviceName() is { } device ? $"/sys/fs/ext4/{device}/trigger_fs_error" : null;
        return trigger is not null && System.IO.File.Exists(trigger) ? null : "this kernel cannot be told to make ext4 read-only (no trigger_fs_error)";
    }

    public static SmallFileSystem? TryTmpfs(long bytes, out string why)
    {
        var path = NewMountPoint();
        if (Run("mount", out why, "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", path))
        {
            return new SmallFileSystem(path, null);
        }

        Directory.Delete(path);
        return null;
    }

    /// <summary>An ext4 image of a few megabytes, mounted with errors=remount-ro.</summary>
    public static SmallFileSystem? TryExt4(out string why)
    {
        var path = NewMountPoint();
        var image = path + ".img";
        using (var file = new FileStream(image, FileMode.CreateNew))
        {
            file.SetLength(8 * 1024 * 1024);
        }

        if (Run("mkfs.ext4", out why, "-q", image) && Run("mount", out why, "-o", "loop,errors=remount-ro", image, path))
        {
            return new SmallFileSystem(path, image);
        }

        System.IO.File.Delete(image);
        Directory.Delete(path);
        return null;
    }

    /// <summary>Unmounts the ext4 image, repairs it as an operator would (e2fsck) and mounts it again, writable.</summary>
    public void RepairAndRemount()
    {
        if (!Run("umount", out var why, Path))
        {
            throw new InvalidOperationException(why);
        }

        // e2fsck exits 1 when it corrected something, as it will after a forced error: not a failure here.
        Run("e2fsck", out _, "-fy", _image!);
        if (!Run("mount", out why, "-o", "loop,errors=remount-ro", _image!, Path))
        {
            throw new InvalidOperationException(why);
        }
    }

    /// <summary>Fills the file system up with one file; returns its path (delete it to give the space back).</summary>
    public string Fill()
    {
        var filler = File("filler");
        using var stream = new FileStream(filler, FileMode.Create);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // No space left: that was the point.
        }

        return filler;
    }

    /// <summary>
    /// Makes the ext4 file system read-only the way the kernel does after a disk error (errors=remount-ro):
    /// through ext4's trigger_fs_error. Files already open for writing (the bot's database) cannot be
    /// written any more. False, with why, where the kernel does not offer it.
    /// </summary>
    public bool TryMakeReadOnly(out string why)
    {
        why = "";
        var device = DeviceName();
        var trigger = $"/sys/fs/ext4/{device}/trigger_fs_error";
        if (device is null || !System.IO.File.Exists(trigger))
        {
            why = $"this kernel has no {trigger}";
            return false;
        }

        System.IO.File.WriteAllText(trigger, "1");
        return true;
    }

    public void Dispose()
    {
        Run("umount", out _, "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
            if (_image is not null)
            {
                System.IO.File.Delete(_image);
            }
        }
        catch (IOException)
        {
            // Lazily unmounted: the OS cleans the temp folder.
        }
    }

    private string? DeviceName()
    {
        foreach (var line in System.IO.File.ReadAllLines("/proc/mounts"))
        {
            var parts = line.Split(' ');
            if (parts.Length > 1 && parts[1] == Path && parts[0].StartsWith("/dev/", StringComparison.Ordinal))
            {
                return parts[0]["/dev/".Length..];
            }
        }

        return null;
    }

    private static string NewMountPoint()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "resultsbot-tests", "fs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private static bool Run(string program, out string why, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            why = process.ExitCode == 0 ? "" : $"{program} {string.Join(' ', args)} failed: {error.Trim()}";
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            why = $"{program} is not available: {ex.Message}";
            return false;
        }
    }
}

/// <summary>A fact that needs a file system of its own: skipped, saying why, where this machine cannot mount one.</summary>
internal sealed class FactWithSmallFileSystemAttribute : FactAttribute
{
    private static readonly Lazy<string?> WhyNotTmpfs = new(() => OperatingSystem.IsLinux() ? SmallFileSystem.WhyNotTmpfs() : "mounting a file system for the test needs Linux");
    private static readonly Lazy<string?> WhyNotReadOnlyExt4 = new(() => WhyNotTmpfs.Value ?? SmallFileSystem.WhyNotReadOnlyExt4());

    /// <param name="readOnlyExt4">The test needs an ext4 image the kernel can be told to make read-only, not only a tmpfs.</param>
    public FactWithSmallFileSystemAttribute(bool readOnlyExt4 = false)
    {
        if ((readOnlyExt4 ? WhyNotReadOnlyExt4.Value : WhyNotTmpfs.Value) is { } why)
        {
            Skip = "cannot mount a small file system here (" + why + ")";
        }
    }
}
