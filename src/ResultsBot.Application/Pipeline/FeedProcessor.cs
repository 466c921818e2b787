using Microsoft.Extensions.Logging;
using ResultsBot.Domain.Messages;
using ResultsBot.Feeds;
using ResultsBot.Feeds.Sources;
using ResultsBot.Platforms;
using ResultsBot.Application.Storage;


namespace ResultsBot.Application.Pipeline;

/// <summary>
/// Reads documents from a source into the desk and sends what they post. Bad documents are reported and
/// skipped; nothing else is held up by them. When the store cannot be written, the document is offered
/// again on the next poll, so nothing accepted is ever lost.
/// </summary>
public sealed class FeedProcessor(
    IFeedSource source,
    ResultsDesk desk,
    PostDispatcher dispatcher,
    ProblemReporter problems,
    TimeProvider time,
    ILogger<FeedProcessor> logger,
    FeedHealth? health = null,
    FeedWatchdog? watchdog = null,
    Operations.StoreWatch? storeWatch = null)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan StuckCheckInterval = TimeSpan.FromSeconds(1);

    // A bad file seen while watching may be half-written; it is reported only if still bad a poll later.
    private readonly Dictionary<string, (FeedDocument Document, string Reason)> _unsettled = new(StringComparer.Ordinal);

    /// <summary>Polls once and processes everything found. Throws <see cref="FeedSourceException"/> when the source cannot be read.</summary>
    public async Task ProcessOnceAsync(ProcessingMode mode, CancellationToken cancellationToken)
    {
        health?.PollStarted();
        try
        {
            IReadOnlyList<FeedDocument> documents;
            try
            {
                documents = await source.PollAsync(cancellationToken);
            }
            catch (FeedSourceException ex)
            {
                health?.ReadFailed(ex.Message, ex.Stalled);
                if (ex.Partial.Count > 0)
                {
                    await ProcessAsync(ex.Partial, mode, cancellationToken); // the files that did arrive are not lost with the one that failed
                }

                throw;
            }

            health?.ReadOk(documents.Count);
            await ProcessAsync(documents, mode, cancellationToken);
        }
        finally
        {
            health?.PollFinished();
        }
    }

    // A poll that does not end is looked at while it runs, so a stuck feed is alerted and /readyz says so
    // (the loop itself is what is stuck, so it cannot wait for the poll to end to notice).
    private async Task PollWatchingAsync(ProcessingMode mode, CancellationToken cancellationToken)
    {
        var polling = Task.Run(() => ProcessOnceAsync(mode, cancellationToken), cancellationToken);
        if (watchdog is null)
        {
            await polling;
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (await Task.WhenAny(polling, Task.Delay(StuckCheckInterval, time, stop.Token)) != polling)
            {
                if (watchdog.Check(source.Description) is not null)
                {
                    dispatcher.Kick(cancellationToken);
                }
            }
        }
        catch
        {
            // Never leave a poll running behind the loop: the next one would race it.
            await polling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        finally
        {
            await stop.CancelAsync();
        }

        await polling;
    }

    /// <summary>
    /// Takes each document to an end — accepted, refused as bad, or offered again — on its own: whatever goes
    /// wrong with one document (even what no one foresaw) makes that document bad, never the poll. A document
    /// not finished when something escapes (the store failing, the bot stopping) is offered again.
    /// </summary>
    public async Task ProcessAsync(IReadOnlyList<FeedDocument> documents, ProcessingMode mode, CancellationToken cancellationToken)
    {
        var unfinished = new HashSet<FeedDocument>(documents, ReferenceEqualityComparer.Instance);
        try
        {
            await ProcessEachAsync(documents, unfinished, mode, cancellationToken);
        }
        finally
        {
            foreach (var document in unfinished)
            {
                source.Reoffer(document);
            }
        }
    }

    private async Task ProcessEachAsync(IReadOnlyList<FeedDocument> documents, HashSet<FeedDocument> unfinished, ProcessingMode mode, CancellationToken cancellationToken)
    {
        var settled = _unsettled.Where(u => documents.All(d => d.Origin != u.Key)).ToList();
        foreach (var (origin, pending) in settled)
        {
            problems.Report(pending.Document, pending.Reason);
            _unsettled.Remove(origin);
        }

        var messages = new List<(FeedDocument Document, FeedMessage Message)>();
        foreach (var document in documents)
        {
            _unsettled.Remove(document.Origin);
            var outcome = FeedParser.Parse(document.Content, ProblemReporter.DisplayName(document.Origin));
            if (outcome.Problem is { } problem)
            {
                Refuse(document, problem, mode);
                unfinished.Remove(document);
            }
            else if (outcome.NotReadYet is { } type)
            {
                problems.NoteUnread(document, type);
            }

            if (outcome.Messages.Count == 0)
            {
                unfinished.Remove(document);
            }

            messages.AddRange(outcome.Messages.Select(m => (document, m)));
        }

        if (mode.ExpectWholeFeed)
        {
            desk.Expect(messages.Select(m => m.Message).OfType<CouncilDeclaration>().Select(d => d.Council.Name));
        }

        var arranged = FeedBatch.Arrange(messages, m => m.Message);
        var together = mode.Pacer is null && arranged.Count > 1 && TakeTogether(arranged, unfinished, cancellationToken);
        var refused = new HashSet<FeedDocument>(ReferenceEqualityComparer.Instance);
        var notStored = new HashSet<FeedDocument>(ReferenceEqualityComparer.Instance);
        var lastMessageOf = new Dictionary<FeedDocument, FeedMessage>(ReferenceEqualityComparer.Instance);
        foreach (var (document, message) in arranged)
        {
            lastMessageOf[document] = message;
        }

        foreach (var (document, message) in together ? [] : arranged)
        {
            if (refused.Contains(document))
            {
                continue;
            }

            if (mode.Pacer is { } pacer && desk.WouldPost(message))
            {
                await pacer.BeforePostAsync(message, cancellationToken);
            }

            try
            {
                desk.Take(document, message);
            }
            catch (Exception ex) when (IsStoreFailure(ex))
            {
                CouldNotStore(document, ex);
                notStored.Add(document); // left unfinished, so offered again
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Accepting it went wrong in a way no check foresaw: that file is bad, everything else goes on.
                refused.Add(document);
                problems.Report(document, $"it could not be accepted ({ex.GetType().Name}: {ex.Message})");
                unfinished.Remove(document);
                continue;
            }

            if (ReferenceEquals(lastMessageOf[document], message) && !notStored.Contains(document))
            {
                unfinished.Remove(document);
            }

            dispatcher.Kick(cancellationToken);
        }

        // Digests whose window has closed go out even when nothing new arrived. A replay waits for its
        // posts; the live loop does not, so a slow platform never delays reading the next result.
        if (mode.ExpectWholeFeed)
        {
            await dispatcher.DeliverPendingAsync(cancellationToken);
        }
        else
        {
            dispatcher.Kick(cancellationToken);
        }
    }

    private void Refuse(FeedDocument document, string problem, ProcessingMode mode)
    {
        if (mode.SettleBadFiles)
        {
            _unsettled[document.Origin] = (document, problem);
        }
        else
        {
            problems.Report(document, problem);
        }
    }

    private static bool IsStoreFailure(Exception ex) => StoreFaults.IsStoreFailure(ex);

    // Unpaced, everything one poll brought is stored in one transaction: one write to disk, not one per
    // message, which is most of the time a night read at once (a restart, a replay) would otherwise take.
    // False when something other than the store went wrong: then the messages are taken one by one, so
    // only the document at fault is refused.
    private bool TakeTogether(IReadOnlyList<(FeedDocument Document, FeedMessage Message)> arranged, HashSet<FeedDocument> unfinished, CancellationToken cancellationToken)
    {
        try
        {
            desk.TakeAll(arranged);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            foreach (var document in arranged.Select(a => a.Document).Distinct())
            {
                CouldNotStore(document, ex);
            }

            return true; // all left unfinished, so offered again
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "Taking {Count} messages together failed; taking them one by one", arranged.Count);
            return false;
        }

        foreach (var (document, _) in arranged)
        {
            unfinished.Remove(document);
        }

        dispatcher.Kick(cancellationToken);
        return true;
    }

    // With a store watch (the running bot), an outage is logged once and summarised, not once per file per poll.
    private void CouldNotStore(FeedDocument document, Exception ex)
    {
        if (storeWatch is not null)
        {
            storeWatch.Refused(ProblemReporter.DisplayName(document.Origin), ex);
        }
        else
        {
            logger.LogError("Could not store {File} ({Reason}); it will be read again", ProblemReporter.DisplayName(document.Origin), ex.Message);
        }
    }

    /// <summary>Watches the source until stopped, backing off while it cannot be read.</summary>
    public async Task RunAsync(TimeSpan pollInterval, ProcessingMode firstPoll, ProcessingMode laterPolls, CancellationToken cancellationToken)
    {
        var mode = firstPoll;
        var failures = 0;
        string? lastFailure = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = pollInterval;
            try
            {
                await PollWatchingAsync(mode, cancellationToken);
                mode = laterPolls;
                if (lastFailure is not null)
                {
                    logger.LogInformation("Feed {Source} is readable again", source.Description);
                }

                failures = 0;
                lastFailure = null;
            }
            catch (FeedSourceException ex)
            {
                failures++;
                if (ex.Message != lastFailure)
                {
                    logger.LogWarning("Feed unreadable: {Reason}; retrying with backoff", ex.Message);
                }

                lastFailure = ex.Message;
                wait = Backoff(pollInterval, failures);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Whatever went wrong, the bot must not go quiet: say so, wait, and carry on.
                failures++;
                logger.LogError(ex, "Unexpected failure reading {Source}; carrying on", source.Description);
                wait = Backoff(pollInterval, failures);
            }

            if (watchdog?.Check(source.Description) is not null)
            {
                dispatcher.Kick(cancellationToken);
            }

            try
            {
                await WaitForNextPollAsync(wait, failures == 0, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    // A watched folder wakes the loop as soon as a file lands (not while backing off from failures); the
    // poll interval stays the upper bound, and the only clock for sources that cannot notify.
    private async Task WaitForNextPollAsync(TimeSpan wait, bool wakeOnChange, CancellationToken cancellationToken)
    {
        if (!wakeOnChange || source is not IChangeNotifyingFeedSource notifying)
        {
            await Task.Delay(wait, time, cancellationToken);
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(Task.Delay(wait, time, either.Token), notifying.WaitForChangeAsync(either.Token));
        await either.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    // Doubling waits after each failure in a row, never longer than a minute.
    // From two poll intervals after the first failure, doubling up to a minute.
    private static TimeSpan Backoff(TimeSpan pollInterval, int failures) =>
        new Backoff(pollInterval * 2, MaxBackoff).Delay(failures, Random.Shared);
}
