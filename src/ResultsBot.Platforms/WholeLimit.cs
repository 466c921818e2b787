namespace ResultsBot.Platforms;

/// <summary>The only instance sending for the bot: it has the whole limit.</summary>
public sealed class WholeLimit : IGlobalLimitShare
{
    public static readonly WholeLimit Instance = new();

    public int ShareOf(int wholeLimit) => wholeLimit;
}
