using ResultsBot.Platforms;

namespace ResultsBot.Discord.Gateway;

/// <summary>The Gateway client's status, reached only when a status is shown (see where it is registered).</summary>
internal sealed class DeferredPresence(Func<IBotPresence> presence) : IBotPresence
{
    public void Show(string watching) => presence().Show(watching);
}
