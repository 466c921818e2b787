using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Commands;
using ResultsBot.Domain.Messages;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Ours;

namespace ResultsBot.Pipeline;

/// <summary>
/// Answers a command for any platform and carries out what it enters: an admin's /share set is taken
/// into the desk like a feed message (stored, posted, there after a restart).
/// </summary>
public sealed class CommandRunner(CommandEngine engine, ResultsDesk desk, PostDispatcher dispatcher, ILogger<CommandRunner> logger)
{
    /// <summary>Never throws for a bad command or a store in trouble: the caller gets an answer either way.</summary>
    public async Task<CommandAnswer> RunAsync(string input, Caller caller, CancellationToken cancellationToken)
    {
        CommandAnswer answer;
        try
        {
            answer = engine.Answer(input, desk.Book, caller);
            if (answer.Publish is NationalShare share)
            {
                desk.Take(new FeedDocument($"/share set by {caller.Id}", NationalShareFormat.Write(share)), share);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Command from {Caller} failed", caller.Id);
            return CommandAnswer.Problem("Sorry, that could not be done just now (the bot's store is busy or failing). Nothing was changed; please try again.");
        }

        await dispatcher.DeliverPendingAsync(cancellationToken);
        return answer;
    }
}
