using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Tests.Text;

public class NumbersTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(21, "21")]
    [InlineData(1158, "1,158")]
    public void Count_InEnGb_GroupsThousands(int value, string expected)
    {
        Assert.Equal(expected, Numbers.Count(value, Culture.EnGb));
    }

    [Theory]
    [InlineData(21, "+21")]
    [InlineData(-19, "-19")]
    [InlineData(0, "±0")]
    [InlineData(-1158, "-1,158")]
    public void Signed_Change_ShowsItsSign(int value, string expected)
    {
        Assert.Equal(expected, Numbers.Signed(value, Culture.EnGb));
    }

    [Theory]
    [InlineData(1, "1 seat")]
    [InlineData(0, "0 seats")]
    [InlineData(51, "51 seats")]
    [InlineData(1158, "1,158 seats")]
    public void Seats_Count_TakesThePluralExceptForOne(int value, string expected)
    {
        Assert.Equal(expected, Numbers.Seats(value, Culture.EnGb));
    }
}
