using Microsoft.Extensions.Hosting;
using ResultsBot.Domain.Commands;
using ResultsBot.Application.Pipeline;

namespace ResultsBot.Terminal;

/// <summary>
/// Answers commands typed on standard input. When input ends (no terminal, as under systemd) the bot
/// carries on posting; only a signal stops it.
/// </summary>
public sealed class ConsoleCommandService(TextReader input, TextWriter output, CommandRunner commands, Caller caller, ConsolePictures? pictures = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                // Console reads cannot be cancelled; on shutdown the read is simply abandoned.
                line = await Task.Run(input.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (line is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var answer = await commands.RunAsync(line, caller, stoppingToken);
            var picture = pictures?.ForAnswer(answer, commands) is { } lines ? "\n" + lines : "";
            await output.WriteAsync((answer.Text + picture + "\n\n").AsMemory(), stoppingToken);
            await output.FlushAsync(stoppingToken);
        }
    }
}
