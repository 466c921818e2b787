using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Domain.Tests.Builders;

namespace ResultsBot.Domain.Tests.Declarations;

public class CouncilDeclarationTests
{
    [Fact]
    public void ControlByFigures_APartyWithMoreThanHalf_HoldsIt()
    {
        var declaration = new DeclarationBuilder("Thurrock").Control("Lab", "NOC").NewCouncil(("Lab", 27), ("C", 13), ("Ind", 9)).Build();

        Assert.Equal(new PartyCode("Lab"), declaration.ControlByFigures);
    }

    [Fact]
    public void ControlByFigures_ExactlyHalf_IsNoOverallControl()
    {
        var declaration = new DeclarationBuilder("Thurrock").Control("NOC", "Lab").NewCouncil(("Lab", 24), ("C", 24)).Build();

        Assert.True(declaration.ControlByFigures.IsNoOverallControl);
    }

    [Fact]
    public void ControlByFigures_AfterWithANewCouncil_ReadsTheNewSeats()
    {
        // It is worked out once, when the seats are set: a copy with other seats must not keep the first answer.
        var declaration = new DeclarationBuilder("Thurrock").Control("Lab", "NOC").NewCouncil(("Lab", 27), ("C", 13), ("Ind", 9)).Build();

        var corrected = declaration with { NewCouncil = [new PartySeats(new PartyCode("Lab"), 20), new PartySeats(new PartyCode("C"), 29)] };

        Assert.Equal((new PartyCode("C"), false), (corrected.ControlByFigures, corrected.CallAgreesWithFigures));
    }
}
