namespace ResultsBot.Slack.Wire;

/// <summary>views.publish: the Home tab <paramref name="UserId"/> sees.</summary>
internal sealed record ViewsPublishRequest(string UserId, HomeTabView View);

/// <summary>A Home tab view: at most 100 blocks.</summary>
internal sealed record HomeTabView(IReadOnlyList<SlackBlock> Blocks)
{
    public const int MaxBlocks = 100;

    public string Type { get; init; } = "home";
}
