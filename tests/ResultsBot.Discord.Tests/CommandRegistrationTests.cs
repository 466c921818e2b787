using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using ResultsBot.Discord.Commands;
using ResultsBot.Discord.Interactions;
using ResultsBot.Domain.Commands;
using ResultsBot.Fakes;
using ResultsBot.Fakes.Discord;
using ResultsBot.Platforms;
using ResultsBot.Discord.Tests.Support;

namespace ResultsBot.Discord.Tests;

public sealed class CommandRegistrationTests
{
    [Fact]
    public async Task RegisterAsync_NoGuild_OverwritesGlobalCommandsWithTheWholeCatalogue()
    {
        var fake = new FakeDiscordInteractions();
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        var registrar = new DiscordCommandRegistrar(InteractionTestOptions.For(server, fake), http, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordCommandRegistrar>.Instance);

        var count = await registrar.RegisterAsync(CancellationToken.None);

        var registration = Assert.Single(fake.Registrations);
        Assert.Null(registration.GuildId);
        Assert.Equal(CommandCatalogue.All.Count, count);
        Assert.Equal(CommandCatalogue.All.Select(c => c.Name), registration.Commands.Select(c => c!["name"]!.GetValue<string>()));
        var council = Command(registration.Commands, "council");
        Assert.Equal(1, council["type"]!.GetValue<int>());
        var name = Assert.Single(council["options"]!.AsArray())!;
        Assert.Equal(3, name["type"]!.GetValue<int>());
        Assert.True(name["autocomplete"]!.GetValue<bool>());
        Assert.True(name["required"]!.GetValue<bool>());
        Assert.Equal("16", Command(registration.Commands, "subscribe")["default_member_permissions"]!.GetValue<string>());
        Assert.Null(Command(registration.Commands, "help")["default_member_permissions"]);
        Assert.Null(Command(registration.Commands, "share")["options"]![0]!["autocomplete"]);
    }

    [Fact]
    public async Task RegisterAsync_WithGuild_OverwritesThatGuildsCommands()
    {
        var fake = new FakeDiscordInteractions();
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        var registrar = new DiscordCommandRegistrar(InteractionTestOptions.For(server, fake, guildId: "4001"), http, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordCommandRegistrar>.Instance);

        await registrar.RegisterAsync(CancellationToken.None);

        Assert.Equal("4001", Assert.Single(fake.Registrations).GuildId);
    }

    [Fact]
    public async Task RegisterAsync_Global_SettingsCommandsStayInServersThatAddedTheBot()
    {
        var fake = new FakeDiscordInteractions();
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        var registrar = new DiscordCommandRegistrar(InteractionTestOptions.For(server, fake), http, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordCommandRegistrar>.Instance);

        await registrar.RegisterAsync(CancellationToken.None);

        var commands = Assert.Single(fake.Registrations).Commands;
        Assert.Equal("[0]|[0]", Contexts(Command(commands, "subscribe")));
        Assert.Equal("|", Contexts(Command(commands, "council"))); // the app's own defaults
    }

    [Fact]
    public async Task RegisterAsync_UserInstallOn_QuestionsWorkInAnyServerOrDmAndSettingsStayInServers()
    {
        var fake = new FakeDiscordInteractions { SupportedIntegrationTypes = new HashSet<int> { 0, 1 } };
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        var options = InteractionTestOptions.For(server, fake) with { UserInstall = true };
        var registrar = new DiscordCommandRegistrar(options, http, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordCommandRegistrar>.Instance);

        await registrar.RegisterAsync(CancellationToken.None);

        var commands = Assert.Single(fake.Registrations).Commands;
        Assert.All(CommandCatalogue.All.Where(c => !c.ChangesSettings && !c.AboutTheChannel), c => Assert.Equal("[0,1]|[0,1,2]", Contexts(Command(commands, c.Name))));
        Assert.All(CommandCatalogue.All.Where(c => c.ChangesSettings), c => Assert.Equal("[0]|[0]", Contexts(Command(commands, c.Name))));
        // Read-only, but about the channel it is typed in: no use in a DM, which never gets posts.
        Assert.Equal("[0]|[0]", Contexts(Command(commands, "subscriptions")));
        Assert.Null(Command(commands, "subscriptions")["default_member_permissions"]);
    }

    [Fact]
    public async Task RegisterAsync_UserInstallOnButNotEnabledForTheApp_IsRefusedSayingWhy()
    {
        var fake = new FakeDiscordInteractions(); // the portal's "User Install" left off
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        var options = InteractionTestOptions.For(server, fake) with { UserInstall = true };
        var registrar = new DiscordCommandRegistrar(options, http, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordCommandRegistrar>.Instance);

        var error = await Assert.ThrowsAsync<DiscordCallException>(() => registrar.RegisterAsync(CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Contains("does not support installation context 1", fake.LastRegistrationError, StringComparison.Ordinal);
        Assert.Empty(fake.Registrations);
    }

    [Fact]
    public async Task RegisterAsync_InOneGuild_SendsNoContexts()
    {
        var fake = new FakeDiscordInteractions { SupportedIntegrationTypes = new HashSet<int> { 0, 1 } };
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        var options = InteractionTestOptions.For(server, fake, guildId: "4001") with { UserInstall = true };
        var registrar = new DiscordCommandRegistrar(options, http, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordCommandRegistrar>.Instance);

        await registrar.RegisterAsync(CancellationToken.None);

        Assert.All(Assert.Single(fake.Registrations).Commands, c => Assert.Equal("|", Contexts(c!.AsObject())));
    }

    private static string Contexts(JsonObject command) =>
        $"{command["integration_types"]?.ToJsonString()}|{command["contexts"]?.ToJsonString()}";

    [Fact]
    public async Task RegisterAsync_WrongToken_ThrowsWith401AndRegistersNothing()
    {
        var fake = new FakeDiscordInteractions();
        await using var server = await FakeServer.StartAsync(fake);
        using var http = new HttpClient();
        var options = InteractionTestOptions.For(server, fake) with { BotToken = "not-the-token" };
        var registrar = new DiscordCommandRegistrar(options, http, TimeProvider.System, NullPlatformMonitor.Instance, NullLogger<DiscordCommandRegistrar>.Instance);

        var error = await Assert.ThrowsAsync<DiscordCallException>(() => registrar.RegisterAsync(CancellationToken.None));

        Assert.Equal(401, error.Status);
        Assert.DoesNotContain("not-the-token", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Registrations);
    }

    [Fact]
    public void Build_LongOrUpperCaseNames_AreKeptWithinDiscordsLimits()
    {
        var spec = new CommandSpec("Very" + new string('x', 40), new string('d', 150), [new("opt", "", false), new("Must", "needed", true)]);

        var command = WireJson.Of(CommandPayload.Build([spec])[0]);

        Assert.Equal(32, command["name"]!.GetValue<string>().Length);
        Assert.Equal(command["name"]!.GetValue<string>().ToLowerInvariant(), command["name"]!.GetValue<string>());
        Assert.Equal(100, command["description"]!.GetValue<string>().Length);
        var options = command["options"]!.AsArray();
        Assert.Equal("must", options[0]!["name"]!.GetValue<string>()); // required before optional, as Discord insists
        Assert.Equal("-", options[1]!["description"]!.GetValue<string>());
    }

    private static JsonObject Command(JsonArray commands, string name) =>
        commands.OfType<JsonObject>().Single(c => c["name"]!.GetValue<string>() == name);
}
