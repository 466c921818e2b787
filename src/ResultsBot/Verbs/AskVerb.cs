using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Domain.Commands;
using ResultsBot.Pipeline;

namespace ResultsBot.Verbs;

/// <summary>Reads a feed without posting, answers one command, exits (1 when the answer is a refusal).</summary>
internal static class AskVerb
{
    public static async Task<int> RunAsync(IHost host, string command, TextWriter output, Caller caller)
    {
        var desk = host.Services.GetRequiredService<ResultsDesk>();
        desk.Restore();
        await host.Services.GetRequiredService<FeedProcessor>().ProcessOnceAsync(new ProcessingMode(true, false, null), CancellationToken.None);
        var answer = await host.Services.GetRequiredService<CommandRunner>().RunAsync(command, caller, CancellationToken.None);
        await output.WriteLineAsync(answer.Text);
        await host.StopAsync();
        return answer.Ok ? 0 : 1;
    }
}
