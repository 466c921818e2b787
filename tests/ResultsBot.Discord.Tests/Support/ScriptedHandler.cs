using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ResultsBot.Discord.Tests.Support;

/// <summary>An HTTP handler that answers from a script and records what was asked, for the client's own rules.</summary>
public sealed class ScriptedHandler(Func<int, HttpResponseMessage> answer) : HttpMessageHandler
{
    private int _count;

    public ConcurrentQueue<(HttpRequestMessage Request, string? Body)> Requests { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request, body));
        return answer(Interlocked.Increment(ref _count));
    }
}
