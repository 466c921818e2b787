namespace ResultsBot.Domain.Messages;

/// <summary>What a declaration's seat changes are measured against. Both are the BBC/PA basis; the feed never mixes in another.</summary>
public enum ChangeBasis
{
    /// <summary>PA's convention: against the seats each party won when the same seats were last fought.</summary>
    SeatsLastFought,

    /// <summary>On new boundaries PA compares with notional results on the new wards.</summary>
    Notional,
}
