using System.Net.Sockets;
using System.Text;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Cli;

/// <summary>
/// Type=notify without systemd: the test is the service manager. It opens the Unix datagram socket systemd would,
/// names it in NOTIFY_SOCKET, and reads what the bot tells it.
/// </summary>
public sealed class ServiceManagerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_NotifySocketSet_SaysReadyOnceServingAndStoppingOnSigterm()
    {
        using var feed = new TempDirectory();
        using var work = new TempDirectory();
        feed.CopyFeed("Local_Test_result_Bolton_1.xml");

        // A short path: a Unix socket's name has room for 107 bytes.
        var socketPath = Path.Combine("/tmp", $"resultsbot-notify-{Guid.NewGuid():N}");
        using var serviceManager = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        serviceManager.Bind(new UnixDomainSocketEndPoint(socketPath));
        try
        {
            var web = $"http://127.0.0.1:{FreePorts.Next()}";
            using var bot = BotProcess.Start(
                work.Path,
                new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = socketPath },
                "--Feed:Source=" + feed.Path,
                "--ConnectionStrings:ResultsBot=Data Source=" + work.File("bot.db"),
                "--urls=" + web);

            Assert.Equal("READY=1", await ReceiveAsync(serviceManager, bot));

            // Ready means serving: the web server answers at once, without waiting or retrying.
            using var http = new HttpClient();
            Assert.Equal("ok\n", await http.GetStringAsync(new Uri(web + "/healthz")));

            bot.Signal("TERM");
            Assert.Equal("STOPPING=1", await ReceiveAsync(serviceManager, bot));
            Assert.Equal(0, await bot.WaitForExitAsync(Patience));
        }
        finally
        {
            File.Delete(socketPath);
        }
    }

    private static async Task<string> ReceiveAsync(Socket socket, BotProcess bot)
    {
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            return Encoding.UTF8.GetString(buffer, 0, received);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No notification within {Patience.TotalSeconds:0} s (exited: {bot.HasExited}).\nstderr:\n{bot.Stderr}");
            throw;
        }
    }
}
