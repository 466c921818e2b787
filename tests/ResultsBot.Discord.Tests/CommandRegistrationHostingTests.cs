using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResultsBot.Discord.Gateway;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests;

/// <summary>AddDiscordInteractions in a real host: commands registered at start, the Gateway connected, a command answered.</summary>
public sealed class CommandRegistrationHostingTests
{
    [Fact]
    public async Task AddDiscordInteractions_GatewayMode_RegistersCommandsConnectsAndAnswers()
    {
        var interactions = new FakeDiscordInteractions();
        using var gateway = new FakeDiscordGateway(interactions);
        await using var server = await FakeServer.StartAsync(gateway, interactions);
        var bot = new InteractionTestBot();
        var monitor = new GatewayTestMonitor();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IBotCommands>(bot);
        builder.Services.AddSingleton<IPlatformMonitor>(monitor);
        builder.Services.AddDiscordInteractions(InteractionTestOptions.For(server, interactions), ["9"]);
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            var client = host.Services.GetRequiredService<DiscordGatewayShards>();
            await FakeDiscordGateway.WaitUntilAsync(() => interactions.Registrations.Count == 1 && gateway.IsReady && client.Connected, "registered and connected");
            var command = interactions.SlashCommand("unsubscribe", userId: "9");
            await gateway.InjectAsync(command);
            Assert.Equal(4, (await command.WaitForCallbackAsync()).Type);
            Assert.True(Assert.Single(bot.Requests).Caller.IsAdmin);
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.False(host.Services.GetRequiredService<DiscordGatewayShards>().Connected);
    }
}
