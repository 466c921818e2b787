using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Slack;

namespace ResultsBot.Slack.Tests;

/// <summary>
/// The fake's Socket Mode with several connections of one app, as several instances of a bot open them, spoken to
/// with bare WebSockets: up to ten at once, each envelope to one connection in turn, an unacked one to another.
/// </summary>
public sealed class FakeSlackSocketModeSharingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Connect_AnEleventhConnection_IsToldTooManyWebsocketsAndClosed()
    {
        var slack = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack);
        var open = new List<RawConnection>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                open.Add(await RawConnection.OpenAsync(server, slack));
            }

            var greetings = new List<string?>();
            foreach (var connection in open)
            {
                greetings.Add((await connection.ReceiveAsync()).GetProperty("type").GetString());
            }

            await using var eleventh = await RawConnection.OpenAsync(server, slack);
            var refusal = await eleventh.ReceiveAsync();

            Assert.All(greetings, g => Assert.Equal("hello", g));
            Assert.Equal("disconnect", refusal.GetProperty("type").GetString());
            Assert.Equal("too_many_websockets", refusal.GetProperty("reason").GetString());
            Assert.True(await eleventh.ClosedAsync(), "the eleventh connection was left open");
            Assert.Equal(1, slack.ConnectionsRefused);
            Assert.Equal(10, slack.OpenConnections);
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Inject_ThreeConnections_EachEnvelopeGoesToOneInTurn()
    {
        var slack = new FakeSlackSocketMode();
        await using var server = await FakeServer.StartAsync(slack);
        await using var first = await RawConnection.OpenGreetedAsync(server, slack);
        await using var second = await RawConnection.OpenGreetedAsync(server, slack);
        await using var third = await RawConnection.OpenGreetedAsync(server, slack);

        var envelopes = Enumerable.Range(1, 6).Select(i => slack.InjectSlashCommand(new FakeSlackSlashCommand($"council {i}"))).ToList();
        foreach (var connection in new[] { first, second, third })
        {
            for (var i = 0; i < 2; i++)
            {
                await connection.AckAsync(await connection.ReceiveAsync());
            }
        }

        await Task.WhenAll(envelopes.Select(e => e.Acked)).WaitAsync(Patience);

        Assert.All(envelopes, e => Assert.Equal(1, e.Deliveries));
        Assert.Equal(
            [(1, 2), (2, 2), (3, 2)],
            envelopes.GroupBy(e => Assert.Single(e.Connections)).Select(g => (g.Key, g.Count())).Order().ToList());
        Assert.All(envelopes, e => Assert.Equal(1, e.AckCount));
    }

    [Fact]
    public async Task Inject_NotAckedInTime_GoesAgainToAnotherConnection()
    {
        var slack = new FakeSlackSocketMode { RedeliverAfter = TimeSpan.FromMilliseconds(300) };
        await using var server = await FakeServer.StartAsync(slack);
        await using var first = await RawConnection.OpenGreetedAsync(server, slack);
        await using var second = await RawConnection.OpenGreetedAsync(server, slack);

        var envelope = slack.InjectSlashCommand(new FakeSlackSlashCommand("council Adur"));
        var (silent, answering) = envelope.Connections.Count > 0 && envelope.Connections[0] == first.Number ? (first, second) : (second, first);
        var unanswered = await silent.ReceiveAsync(); // and never acked, as by an instance that died holding it
        var again = await answering.ReceiveAsync();
        await answering.AckAsync(again);
        await envelope.Acked.WaitAsync(Patience);

        Assert.Equal(envelope.EnvelopeId, unanswered.GetProperty("envelope_id").GetString());
        Assert.Equal(envelope.EnvelopeId, again.GetProperty("envelope_id").GetString());
        Assert.Equal(1, again.GetProperty("retry_attempt").GetInt32());
        Assert.Equal([silent.Number, answering.Number], envelope.Connections);
        Assert.Equal(1, envelope.AckCount);
    }

    /// <summary>A bare Socket Mode client: opens its URL, reads frames, acks envelopes.</summary>
    private sealed class RawConnection : IAsyncDisposable
    {
        private static readonly HttpClient Http = new();
        private readonly ClientWebSocket _socket = new();

        private RawConnection(int number) => Number = number;

        /// <summary>The fake's number for it (1, 2…, in the order they were accepted).</summary>
        public int Number { get; }

        public static async Task<RawConnection> OpenAsync(FakeServer server, FakeSlackSocketMode slack)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUrl, "/api/apps.connections.open"));
            request.Headers.Authorization = new("Bearer", slack.AppToken);
            using var response = await Http.SendAsync(request);
            var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
            var connection = new RawConnection(slack.ConnectionsOpened + 1);
            await connection._socket.ConnectAsync(new Uri(url), CancellationToken.None);
            return connection;
        }

        public static async Task<RawConnection> OpenGreetedAsync(FakeServer server, FakeSlackSocketMode slack)
        {
            var connection = await OpenAsync(server, slack);
            Assert.Equal("hello", (await connection.ReceiveAsync()).GetProperty("type").GetString());
            return connection;
        }

        public async Task<JsonElement> ReceiveAsync()
        {
            using var cancel = new CancellationTokenSource(Patience);
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, cancel.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
        }

        public async Task AckAsync(JsonElement envelope)
        {
            var ack = JsonSerializer.Serialize(new { envelope_id = envelope.GetProperty("envelope_id").GetString(), payload = new { text = "answered" } });
            await _socket.SendAsync(Encoding.UTF8.GetBytes(ack), WebSocketMessageType.Text, true, CancellationToken.None);
        }

        /// <summary>True once the server has closed it.</summary>
        public async Task<bool> ClosedAsync()
        {
            using var cancel = new CancellationTokenSource(Patience);
            try
            {
                var result = await _socket.ReceiveAsync(new byte[1024], cancel.Token);
                return result.MessageType == WebSocketMessageType.Close;
            }
            catch (WebSocketException)
            {
                return true;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                }
            }
            catch (WebSocketException)
            {
                // The server went first.
            }

            _socket.Dispose();
        }
    }
}
