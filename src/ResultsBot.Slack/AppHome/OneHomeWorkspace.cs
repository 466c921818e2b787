using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.AppHome;

/// <summary>Slack:BotToken: one workspace, whatever team an event names (Socket Mode does not say).</summary>
internal sealed class OneHomeWorkspace(SlackWebApiClient client) : IHomeWorkspaces
{
    private readonly HomeWorkspace _only = new("", client);

    public HomeWorkspace? Find(string? teamId) => _only;
}
