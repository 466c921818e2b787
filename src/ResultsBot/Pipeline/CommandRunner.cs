using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Messages;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Ours;

namespace ResultsBot.Pipeline;

/// <summary>
/// Answers a command for any platform and carries out what it enters: an admin's /share set is taken
/// into the desk like a feed message (stored, posted, there after a restart).
/// </summary>
public sealed class CommandRunner(CommandEngine engine, ResultsDesk desk, PostDispatcher dispatcher)
{
    public async Task<CommandAnswer> RunAsync(string input, Caller caller, CancellationToken cancellationToken)
    {
        var answer = engine.Answer(input, desk.Book, caller);
        if (answer.Publish is NationalShare share)
        {
            desk.Take(new FeedDocument($"/share set by {caller.Id}", NationalShareFormat.Write(share)), share);
            await dispatcher.DeliverPendingAsync(cancellationToken);
        }

        return answer;
    }
}
