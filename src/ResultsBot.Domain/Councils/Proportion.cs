namespace ResultsBot.Domain.Councils;

/// <summary>How much of the council was up for election.</summary>
public enum Proportion
{
    All,
    Half,
    Third,
}
