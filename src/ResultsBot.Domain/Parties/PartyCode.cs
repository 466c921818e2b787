namespace ResultsBot.Domain.Parties;

/// <summary>
/// A party as the feed abbreviates it ("Lab", "C", "LD"), or no overall control. Known codes are
/// kept in one spelling, so "LAB" and "Lab" are the same party on the scoreboard.
/// </summary>
public readonly record struct PartyCode
{
    public PartyCode(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = PartyNames.Canonical(value.Trim());
    }

    public string Value { get; }

    public static PartyCode NoOverallControl { get; } = new("NOC");

    public bool IsNoOverallControl => string.Equals(Value, "NOC", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Value;
}
