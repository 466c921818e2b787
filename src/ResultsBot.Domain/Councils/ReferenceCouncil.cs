namespace ResultsBot.Domain.Councils;

/// <summary>
/// A UK local authority as mySociety's register records it: past, current or announced.
/// </summary>
/// <param name="Code">mySociety's three-letter code ("BIR").</param>
/// <param name="Gss">The ONS GSS code ("E08000025"), where it has one.</param>
/// <param name="Name">The short name people use ("Birmingham").</param>
/// <param name="OfficialName">"Birmingham City Council".</param>
/// <param name="Nation">England, Scotland, Wales or Northern Ireland.</param>
/// <param name="Region">The English region; null outside England.</param>
/// <param name="Type">mySociety's type code: NMD, MD, UA, LBO, CTY, SCO, WPA, NID, COMB…</param>
/// <param name="ReplacedBy">Codes of the authorities that took over its area, if it was abolished.</param>
/// <param name="AlternativeNames">Other spellings in the register.</param>
public sealed record ReferenceCouncil(
    string Code,
    string? Gss,
    string Name,
    string OfficialName,
    string Nation,
    string? Region,
    string Type,
    DateOnly? Start,
    DateOnly? End,
    IReadOnlyList<string> ReplacedBy,
    IReadOnlyList<string> AlternativeNames)
{
    /// <summary>A combined authority: a mayoralty's area, not a council that elects councillors.</summary>
    public bool IsCombinedAuthority => Type == "COMB";

    /// <summary>Abolished (it has an end date and successors, or simply an end date).</summary>
    public bool IsAbolished => End is not null;

    /// <summary>The key its results are filed under: its short name, normalised.</summary>
    public string Key => CouncilKey.For(Name);
}
