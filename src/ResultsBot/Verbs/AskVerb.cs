using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ResultsBot.Domain.Commands;
using ResultsBot.Application.Pipeline;

namespace ResultsBot.Verbs;

/// <summary>Reads a feed without posting, answers one command, exits (1 when the answer is a refusal).</summary>
internal static class AskVerb
{
    public static async Task<int> RunAsync(IHost host, string command, TextWriter output, Caller caller)
    {
        var desk = host.Services.GetRequiredService<ResultsDesk>();
        desk.Restore();
        await host.Services.GetRequiredService<FeedProcessor>().ProcessOnceAsync(new ProcessingMode(true, false, null), CancellationToken.None);
        var commands = host.Services.GetRequiredService<CommandRunner>();
        var answer = await commands.RunAsync(command, caller, CancellationToken.None);
        // With Console:ImageFolder set, /map, /chamber and /chart write their picture and say where.
        var picture = host.Services.GetService<Terminal.ConsolePictures>()?.ForAnswer(answer, commands);
        await output.WriteLineAsync(picture is null ? answer.Text : answer.Text + "\n" + picture);
        await host.StopAsync();
        return answer.Ok ? 0 : 1;
    }
}
