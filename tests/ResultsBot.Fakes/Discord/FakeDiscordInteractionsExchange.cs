using System.Text.Json.Nodes;

namespace ResultsBot.Fakes.Discord;

/// <summary>
/// One interaction the test made up, and everything the bot did about it: the callback (once only, within
/// 3 s), follow-up messages and edits of @original.
/// </summary>
public sealed class FakeDiscordInteractionsExchange
{
    private readonly TaskCompletionSource<FakeDiscordInteractionsCallback> _callback = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<JsonObject> _followUps = [];
    private readonly List<JsonObject> _edits = [];
    private readonly List<IReadOnlyList<FakeDiscordAttachment>> _followUpAttachments = [];
    private readonly Lock _gate = new();
    private IReadOnlyList<FakeDiscordAttachment>? _originalAttachments;

    internal FakeDiscordInteractionsExchange(string id, string token, JsonObject payload, DateTimeOffset createdAt)
    {
        Id = id;
        Token = token;
        Payload = payload;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public string Token { get; }

    /// <summary>The interaction object, as INTERACTION_CREATE's d or an Interactions Endpoint body.</summary>
    public JsonObject Payload { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Completes with the first accepted callback.</summary>
    public Task<FakeDiscordInteractionsCallback> Callback => _callback.Task;

    /// <summary>Callbacks refused: late (after 3 s), or after the first one.</summary>
    public int RefusedCallbacks { get; private set; }

    public IReadOnlyList<JsonObject> FollowUps
    {
        get
        {
            lock (_gate)
            {
                return [.. _followUps];
            }
        }
    }

    public IReadOnlyList<JsonObject> OriginalEdits
    {
        get
        {
            lock (_gate)
            {
                return [.. _edits];
            }
        }
    }

    /// <summary>
    /// The files on the original response now: those its callback uploaded, as the last edit of @original left them.
    /// </summary>
    public IReadOnlyList<FakeDiscordAttachment> OriginalAttachments
    {
        get
        {
            lock (_gate)
            {
                return _originalAttachments ?? (_callback.Task.IsCompletedSuccessfully ? _callback.Task.Result.Attachments : []);
            }
        }
    }

    /// <summary>The files uploaded with each follow-up, in order.</summary>
    public IReadOnlyList<IReadOnlyList<FakeDiscordAttachment>> FollowUpAttachments
    {
        get
        {
            lock (_gate)
            {
                return [.. _followUpAttachments];
            }
        }
    }

    /// <summary>The bot deleted its original response (DELETE @original).</summary>
    public bool OriginalDeleted { get; private set; }

    public async Task<FakeDiscordInteractionsCallback> WaitForCallbackAsync(TimeSpan? timeout = null) =>
        await Callback.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Waits until the bot has sent at least <paramref name="count"/> follow-ups and <paramref name="edits"/> edits.</summary>
    public async Task WaitForMessagesAsync(int count, int edits = 0, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (FollowUps.Count < count || OriginalEdits.Count < edits)
        {
            await Task.Delay(20, limit.Token);
        }
    }

    internal bool IsAcknowledged => _callback.Task.IsCompleted;

    internal bool TryAccept(FakeDiscordInteractionsCallback callback)
    {
        lock (_gate)
        {
            if (_callback.Task.IsCompleted)
            {
                RefusedCallbacks++;
                return false;
            }

            _callback.SetResult(callback);
            return true;
        }
    }

    internal void Refuse()
    {
        lock (_gate)
        {
            RefusedCallbacks++;
        }
    }

    internal void AddFollowUp(JsonObject message, IReadOnlyList<FakeDiscordAttachment> attachments)
    {
        lock (_gate)
        {
            _followUps.Add(message);
            _followUpAttachments.Add(attachments);
        }
    }

    internal void DeleteOriginal()
    {
        lock (_gate)
        {
            OriginalDeleted = true;
        }
    }

    internal void AddEdit(JsonObject message, IReadOnlyList<FakeDiscordAttachment> attachments)
    {
        lock (_gate)
        {
            _edits.Add(message);
            _originalAttachments = attachments;
        }
    }
}
