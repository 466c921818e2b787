using Microsoft.Extensions.Time.Testing;
using ResultsBot.Domain.Councils;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Parties;
using ResultsBot.Application.Pipeline;

namespace ResultsBot.Tests.Pipeline;

public sealed class ReplayPacerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task BeforePostAsync_NoDeclarationTimes_WaitsANominalMinuteDividedBySpeed()
    {
        var pacer = new ReplayPacer(60, _time);
        await pacer.BeforePostAsync(Declaration("Adur"), CancellationToken.None);

        var second = pacer.BeforePostAsync(Declaration("Bury"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task BeforePostAsync_DeclarationTimes_KeepsTheRealGapScaled()
    {
        var pacer = new ReplayPacer(10, _time);
        var start = new DateTimeOffset(2026, 5, 8, 1, 0, 0, TimeSpan.Zero);
        await pacer.BeforePostAsync(Declaration("Adur", start), CancellationToken.None);

        var second = pacer.BeforePostAsync(Declaration("Bury", start.AddSeconds(30)), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static CouncilDeclaration Declaration(string council, DateTimeOffset? at = null) =>
        new(1, new Council(council, null, "Metro", Proportion.All), null, new PartyCode("Lab"), new PartyCode("Lab"), false,
            null, [], ChangeBasis.SeatsLastFought, [new PartySeats(new PartyCode("Lab"), 30)], at);
}
