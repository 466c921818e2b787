using Microsoft.AspNetCore.Builder;

namespace ResultsBot.Fakes;

/// <summary>One part of a fake platform (REST, gateway, Socket Mode...), mapped onto a shared loopback server.</summary>
public interface IFakeRoutes
{
    void Map(WebApplication app);
}
