namespace ResultsBot.Domain.Messages;

public enum ControlOutcome
{
    /// <summary>A party wins control from another party.</summary>
    Gain,

    /// <summary>A party wins control of a council that was under no overall control.</summary>
    GainFromNoOverallControl,

    Hold,

    /// <summary>The party in control loses its majority.</summary>
    LossToNoOverallControl,

    StaysNoOverallControl,
}
