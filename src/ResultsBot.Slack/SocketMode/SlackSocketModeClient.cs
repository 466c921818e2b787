using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Platforms;
using ResultsBot.Slack.Commands;

namespace ResultsBot.Slack.SocketMode;

/// <summary>
/// Slash commands over Socket Mode (Slack:Mode = SocketMode): keeps one WebSocket to Slack open for the
/// life of the bot and answers the /results commands that arrive on it. It owns its reconnect loop: a
/// disconnect notice gets a fresh connection opened before the old one is closed, a dropped or silent
/// socket gets a new one after a backoff, and only link_disabled or a refused app token stop it (logged
/// and reported as down: retrying cannot fix either).
/// </summary>
public sealed class SlackSocketModeClient : BackgroundService
{
    private const string Platform = "slack";

    private readonly ConnectionOpener _opener;
    private readonly SlashCommandHandler _commands;
    private readonly IPlatformMonitor _monitor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SocketModeOptions _options;
    private readonly EnvelopeLedger _ledger;
    private volatile SocketModeConnection? _current;
    private int _connectionNumber;
    private CancellationToken _stopping;

    /// <param name="http">For apps.connections.open (the WebSocket itself is a ClientWebSocket).</param>
    public SlackSocketModeClient(SlackOptions options, HttpClient http, SlashCommandHandler commands, IPlatformMonitor monitor, TimeProvider time, ILogger<SlackSocketModeClient> logger, SocketModeOptions? socketOptions = null)
    {
        _opener = new ConnectionOpener(options, http, monitor);
        _commands = commands;
        _monitor = monitor;
        _time = time;
        _logger = logger;
        _options = socketOptions ?? SocketModeOptions.Default;
        _ledger = new EnvelopeLedger(time);
    }

    /// <summary>The Home tab, published when someone opens it (app_home_opened); null leaves those events acknowledged and ignored.</summary>
    internal AppHome.SlackAppHome? AppHome { get; init; }

    /// <summary>A socket is open and has said hello: for /readyz.</summary>
    public bool Connected => _current?.IsOpen == true;

    /// <summary>Why the client gave up for good (link_disabled, refused token), or null while it is still trying.</summary>
    public string? StoppedReason { get; private set; }

    /// <summary>Runs until cancelled, or until Slack disables the link or refuses the token.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _stopping = cancellationToken;
        var everConnected = false;
        SocketModeConnection? current = null;
        try
        {
            while (true)
            {
                if (current is null)
                {
                    current = await OpenWithRetryAsync(cancellationToken);
                    Adopt(current, everConnected);
                    everConnected = true;
                }

                var end = await current.Ended.WaitAsync(cancellationToken);
                if (end.DisconnectNotice && end.Reason == ConnectionEnd.LinkDisabled)
                {
                    Stop("Slack disabled this app's Socket Mode link (link_disabled); turn Socket Mode back on and restart");
                    return;
                }

                if (end.DisconnectNotice)
                {
                    // Connect the new socket before dropping the old, which keeps delivering meanwhile.
                    _logger.LogInformation("Slack asked for a fresh Socket Mode connection ({Reason}); opening one before closing connection {Number}", end.Reason, current.Number);
                    var old = current;
                    current = await OpenWithRetryAsync(cancellationToken);
                    Adopt(current, everConnected: true);
                    _ = RetireAsync(old);
                    continue;
                }

                _current = null;
                _logger.LogWarning("Socket Mode connection {Number} was lost ({Reason}); reconnecting", current.Number, end.Reason);
                _monitor.ConnectionChanged(Platform, false, "Socket Mode connection lost: " + end.Reason);
                await current.DisposeAsync();
                current = null;
            }
        }
        catch (SocketModeRefusedException e)
        {
            Stop(e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _current = null;
            if (current is not null)
            {
                await current.CloseAsync(TimeSpan.FromSeconds(1));
                await current.DisposeAsync();
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(stoppingToken);

    private void Adopt(SocketModeConnection connection, bool everConnected)
    {
        _current = connection;
        _logger.LogInformation("Socket Mode connection {Number} is up", connection.Number);
        if (everConnected)
        {
            _monitor.Reconnected(Platform);
        }

        _monitor.ConnectionChanged(Platform, true, "Socket Mode connected");
    }

    private async Task<SocketModeConnection> OpenWithRetryAsync(CancellationToken cancellationToken)
    {
        for (var failures = 0; ; failures++)
        {
            if (failures > 0)
            {
                await Task.Delay(Backoff(failures), _time, cancellationToken);
            }

            try
            {
                var url = await _opener.OpenAsync(cancellationToken);
                var number = Interlocked.Increment(ref _connectionNumber);

                // The URL carries a one-time ticket: log where, never the whole thing.
                _logger.LogDebug("Opening Socket Mode connection {Number} to {Host}", number, url.Host);
                return await SocketModeConnection.ConnectAsync(url, number, _options, OnEnvelopeAsync, _logger, _time, cancellationToken);
            }
            catch (Exception e) when (e is not SocketModeRefusedException && !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Could not open a Socket Mode connection (attempt {Attempt}): {Error}", failures + 1, e.Message);
                if (failures == 0)
                {
                    _monitor.ConnectionChanged(Platform, false, "Socket Mode cannot connect: " + e.Message);
                }
            }
        }
    }

    private TimeSpan Backoff(int failures) => new Backoff(_options.MinBackoff, _options.MaxBackoff).Delay(failures, Random.Shared);

    private async Task RetireAsync(SocketModeConnection old)
    {
        // Acks for envelopes it delivered go back on it: give answers in progress their window first.
        await Task.Delay(_commands.DirectAnswerWindow + TimeSpan.FromMilliseconds(500), _time, CancellationToken.None);
        await old.CloseAsync(TimeSpan.FromSeconds(2));
        await old.DisposeAsync();
        _logger.LogDebug("Socket Mode connection {Number} retired", old.Number);
    }

    private void Stop(string reason)
    {
        StoppedReason = reason;
        _current = null;
        _logger.LogError("Slack Socket Mode stopped: {Reason}", reason);
        _monitor.ConnectionChanged(Platform, false, reason);
    }

    private async Task OnEnvelopeAsync(SocketModeConnection connection, SocketEnvelope envelope)
    {
        try
        {
            if (envelope.Type == SocketEnvelope.Interactive && envelope.Interaction() is { } interaction)
            {
                // Acknowledged first and empty (the answer goes to response_url); a redelivery is acknowledged again, never run twice.
                var (_, firstTime) = _ledger.GetOrStart(envelope.EnvelopeId, () => Task.FromResult<SlackCommandResponse?>(null));
                await connection.AckAsync(envelope.EnvelopeId, null);
                if (firstTime)
                {
                    _ = _commands.HandleInteractionAsync(interaction);
                }

                return;
            }

            if (envelope.Type != SocketEnvelope.SlashCommands)
            {
                if (AppHome is { } home && envelope.HomeOpenedBy() is { } user)
                {
                    // Acknowledged first: Slack wants the ack within 3 seconds, and the tab is published in its own time.
                    await connection.AckAsync(envelope.EnvelopeId, null);
                    _ = home.OpenedInBackgroundAsync(user, _stopping);
                    return;
                }

                _logger.LogDebug("Acknowledged and ignored a {Type} envelope ({Subject})", envelope.Type, envelope.Subject() ?? "no subject");
                await connection.AckAsync(envelope.EnvelopeId, null);
                return;
            }

            var (answer, first) = _ledger.GetOrStart(envelope.EnvelopeId, () => AnswerAsync(envelope));
            if (!first)
            {
                _logger.LogDebug("Slack delivered envelope {Id} again (retry {Retry}); acknowledging without running it twice", envelope.EnvelopeId, envelope.RetryAttempt);
            }

            var payload = await answer;
            var responseUrl = envelope.Command()?.ResponseUrl;
            if (first && payload is not null && !envelope.AcceptsResponsePayload)
            {
                // Slack said this ack cannot carry the answer: it goes to response_url instead, its picture after it.
                _ = SendThenPictureAsync(responseUrl, payload);
            }

            if (!await connection.AckAsync(envelope.EnvelopeId, envelope.AcceptsResponsePayload ? payload : null))
            {
                _logger.LogDebug("Could not ack envelope {Id}: connection {Number} closed; Slack will deliver it again", envelope.EnvelopeId, connection.Number);
            }
            else if (first && payload is not null && envelope.AcceptsResponsePayload)
            {
                // The ack carried the answer: its picture follows at response_url.
                _ = _commands.SendPictureAsync(responseUrl, payload);
            }
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Handling a Socket Mode envelope failed");
        }
    }

    private async Task SendThenPictureAsync(string? responseUrl, SlackCommandResponse payload)
    {
        if (await _commands.SendToResponseUrlAsync(responseUrl, payload))
        {
            await _commands.SendPictureAsync(responseUrl, payload);
        }
    }

    private async Task<SlackCommandResponse?> AnswerAsync(SocketEnvelope envelope)
    {
        var command = envelope.Command();
        if (command is null)
        {
            _logger.LogWarning("A slash_commands envelope without command, user or channel; acknowledged and ignored");
            return null;
        }

        return await _commands.AnswerAsync(command, _stopping);
    }
}
