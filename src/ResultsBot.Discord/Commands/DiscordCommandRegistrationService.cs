using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Interactions;

namespace ResultsBot.Discord.Commands;

/// <summary>
/// Registers the slash commands once at start-up, in the background so a slow Discord does not hold the
/// host up. Retries transient failures a few times; a refused token is logged once, loudly.
/// </summary>
public sealed class DiscordCommandRegistrationService(DiscordCommandRegistrar registrar, TimeProvider time, ILogger<DiscordCommandRegistrationService> logger) : BackgroundService
{
    private const int Attempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; attempt <= Attempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await registrar.RegisterAsync(stoppingToken);
                return;
            }
            catch (DiscordCallException e) when (e.Status is >= 400 and < 500 and not 429)
            {
                logger.LogError("Discord refused the slash commands ({Problem}); they stay as they were", e.Message);
                return;
            }
            catch (Exception e) when (e is DiscordCallException or HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not register the slash commands (attempt {Attempt} of {Attempts}): {Problem}", attempt, Attempts, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(10 * attempt), time, stoppingToken);
            }
        }
    }
}
