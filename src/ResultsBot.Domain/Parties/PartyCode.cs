namespace ResultsBot.Domain.Parties;

/// <summary>A party as the feed abbreviates it ("Lab", "C", "LD"), or no overall control.</summary>
public readonly record struct PartyCode
{
    public PartyCode(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim();
    }

    public string Value { get; }

    public static PartyCode NoOverallControl { get; } = new("NOC");

    public bool IsNoOverallControl => string.Equals(Value, "NOC", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Value;
}
