namespace ResultsBot.Domain.Tests.Builders;

public static class Declaration
{
    public static DeclarationBuilder Of(string council) => new(council);
}
