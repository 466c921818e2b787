using System.Collections.Concurrent;
using ResultsBot.Domain.Commands;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>A stand-in for the bot's command engine: records requests, answers as the test says.</summary>
internal sealed class InteractionTestBot : IBotCommands
{
    private readonly ConcurrentQueue<CommandRequest> _requests = new();
    private readonly ConcurrentQueue<(string Option, string Partial)> _completions = new();

    public Func<CommandRequest, CancellationToken, Task<CommandAnswer>> Answer { get; set; } =
        (request, _) => Task.FromResult(new CommandAnswer("answer to " + request.Text));

    public Func<string, string, IReadOnlyList<string>> Suggestions { get; set; } =
        (option, partial) => [.. Enumerable.Range(1, 40).Select(i => $"{partial} {option} {i}")];

    /// <summary>The picture an answer asking for one gets (none unless the test says).</summary>
    public Func<PictureRequest, PostImage?> Picture { get; set; } = _ => null;

    public IReadOnlyList<CommandRequest> Requests => [.. _requests];

    public IReadOnlyList<(string Option, string Partial)> Completions => [.. _completions];

    public Task<CommandAnswer> RunAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        return Answer(request, cancellationToken);
    }

    public PostImage? DrawPicture(PictureRequest request) => Picture(request);

    public IReadOnlyList<string> Complete(string option, string partial)
    {
        _completions.Enqueue((option, partial));
        return Suggestions(option, partial);
    }
}
