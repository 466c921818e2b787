using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.OAuth;

/// <summary>One installed workspace: a Web API client with its token and pacing, and an outlet posting with it.</summary>
public sealed record SlackWorkspace(string TeamId, SlackWebApiClient Client, SlackOutlet Outlet);
