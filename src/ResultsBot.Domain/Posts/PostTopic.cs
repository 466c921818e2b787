namespace ResultsBot.Domain.Posts;

/// <summary>What a post is about, for channels that only want some results (a region, a party, changes of control).</summary>
/// <param name="CouncilKey">The council's key (CouncilKey.For its name).</param>
/// <param name="ElectionType">"council" (later issues add "mayor" and others).</param>
/// <param name="Parties">Canonical party codes the result involves: who controls it now and before, and every party whose seats changed.</param>
/// <param name="ControlChanged">True for a gain or a loss to no overall control.</param>
public sealed record PostTopic(string CouncilKey, string CouncilName, string ElectionType, IReadOnlySet<string> Parties, bool ControlChanged);
