using System.Collections.Concurrent;
using ResultsBot.Domain.Commands;
using ResultsBot.Platforms;

namespace ResultsBot.Slack.Tests;

/// <summary>The bot's side for these tests: records each request and answers as the test says.</summary>
internal sealed class FakeBotCommands(Func<CommandRequest, Task<CommandAnswer>>? answer = null) : IBotCommands
{
    private readonly ConcurrentQueue<CommandRequest> _requests = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<CommandRequest> Requests => [.. _requests];

    /// <summary>Completes when the first command starts running.</summary>
    public Task Started => _started.Task;

    public Task<CommandAnswer> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        _started.TrySetResult();
        return answer is null ? Task.FromResult(new CommandAnswer("Answer to " + request.Text)) : answer(request);
    }

    public IReadOnlyList<string> Complete(string option, string partial) => [];

    /// <summary>What DrawPicture hands back for any request (null: no picture).</summary>
    public PostImage? Picture { get; init; }

    public PostImage? DrawPicture(PictureRequest request) => Picture;
}

/// <summary>Records what the adapter reports, in order.</summary>
internal sealed class RecordingMonitor : IPlatformMonitor
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public void ConnectionChanged(string platform, bool connected, string detail) => _events.Enqueue($"{platform} {(connected ? "up" : "down")}: {detail}");

    public void Reconnected(string platform) => _events.Enqueue($"{platform} reconnected");

    public void RateLimited(string platform) => _events.Enqueue($"{platform} rate limited");

    public void InvalidRequest(string platform, int status) => _events.Enqueue($"{platform} invalid {status}");
}

internal static class TestOptions
{
    public const string SigningSecret = "test-signing-secret-0123456789";

    public static SlackOptions For(Uri apiBase, string appToken = "xapp-1-A0FAKEAPP01-1234-fakeapptoken", params string[] admins) =>
        new("xoxb-test", SigningSecret, appToken, SlackMode.SocketMode, [], new HashSet<string>(admins), new Uri(apiBase.ToString().TrimEnd('/') + "/api/"));

    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            try
            {
                await Task.Delay(20, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }
        }
    }
}
