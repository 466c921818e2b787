using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ResultsBot.Feeds.Sources;

/// <summary>
/// Opens a file for reading only if it is a regular file. A FIFO (named pipe) dropped in the feed folder
/// would block an ordinary open until something writes to it — forever, on results night — so on Unix the
/// file is opened non-blocking and refused when it cannot seek (pipes, sockets, terminals cannot).
/// </summary>
internal static partial class RegularFile
{
    private const int ENOENT = 2;

    /// <summary>The open file, or null when it is not a regular file. Throws <see cref="FileNotFoundException"/> when it has gone.</summary>
    public static FileStream? OpenForReading(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var descriptor = Native.Open(path, OpenFlags());
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw error == ENOENT
                ? new FileNotFoundException("the file is gone", path)
                : new IOException($"cannot open the file ({Marshal.GetPInvokeErrorMessage(error)})");
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        FileStream stream;
        try
        {
            stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        if (!stream.CanSeek)
        {
            stream.Dispose();
            return null;
        }

        return stream;
    }

    // O_RDONLY | O_NONBLOCK | O_CLOEXEC; the values differ between Linux and macOS.
    private static int OpenFlags() => OperatingSystem.IsLinux() ? 0x800 | 0x80000 : 0x4 | 0x1000000;

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Open(string path, int flags);
    }
}
