namespace ResultsBot.Fakes.Discord;

/// <summary>The whole fake Discord a running bot talks to: REST, interactions and the Gateway, for one bot token and application.</summary>
public sealed class FakeDiscord : IDisposable
{
    public FakeDiscord(string botToken, string applicationId, FakeDiscordRestOptions? restOptions = null)
    {
        Rest = new FakeDiscordRest(botToken, restOptions);
        Interactions = new FakeDiscordInteractions { BotToken = botToken, ApplicationId = applicationId };
        Gateway = new FakeDiscordGateway(Interactions);
    }

    public FakeDiscordRest Rest { get; }

    public FakeDiscordInteractions Interactions { get; }

    public FakeDiscordGateway Gateway { get; }

    /// <summary>The parts to give <see cref="FakeServer.StartAsync"/>, beside any others.</summary>
    public IFakeRoutes[] Parts => [Rest, Interactions, Gateway];

    public void Dispose() => Gateway.Dispose();
}
