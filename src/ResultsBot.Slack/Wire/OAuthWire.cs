namespace ResultsBot.Slack.Wire;

/// <summary>oauth.v2.access's answer: the workspace's bot token and who it is for (the fields the bot keeps).</summary>
internal sealed record OAuthAccessResponse : SlackApiResponse
{
    public string? AccessToken { get; init; }

    /// <summary>"bot" for the bot token the bot asks for.</summary>
    public string? TokenType { get; init; }

    public string? Scope { get; init; }

    public string? BotUserId { get; init; }

    public string? AppId { get; init; }

    public SlackTeam? Team { get; init; }

    public bool IsEnterpriseInstall { get; init; }
}

/// <summary>A workspace as OAuth answers name it.</summary>
internal sealed record SlackTeam(string? Id, string? Name);

/// <summary>tokens_revoked's tokens: the user ids whose tokens went, and the bot's.</summary>
internal sealed record RevokedTokens(IReadOnlyList<string>? Oauth, IReadOnlyList<string>? Bot);
