using System.Diagnostics;
using System.Net;

namespace ResultsBot.Tests.Support;

/// <summary>Asks a bot's /readyz until an answer satisfies a condition or patience runs out (it may not be listening yet).</summary>
internal static class Readiness
{
    /// <returns>The last answer; a null status when the bot never answered.</returns>
    /// <param name="took">Told how long each answer took.</param>
    public static async Task<(HttpStatusCode? Status, string Body)> UntilAsync(HttpClient http, Func<HttpStatusCode, string, bool> until, TimeSpan patience, Action<TimeSpan>? took = null)
    {
        (HttpStatusCode? Status, string Body) last = (null, "");
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < patience)
        {
            try
            {
                var asked = Stopwatch.StartNew();
                using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                last = (response.StatusCode, await response.Content.ReadAsStringAsync());
                took?.Invoke(asked.Elapsed);
                if (until(response.StatusCode, last.Body))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        return last;
    }
}
