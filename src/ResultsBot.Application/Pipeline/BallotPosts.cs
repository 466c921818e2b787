using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Messages;
using ResultsBot.Domain.Posts;

namespace ResultsBot.Application.Pipeline;

/// <summary>
/// What the desk posts for results that are not a whole council's: a ward or by-election, a referendum.
/// A later revision is posted as a correction only when the counts changed (Democracy Club's revisions
/// are the time a result was seen, so the same result can come again with a higher one).
/// </summary>
public sealed class BallotPosts(CultureInfo culture)
{
    private readonly WardPostComposer _wards = new(culture);
    private readonly ReferendumPostComposer _referendums = new(culture);

    /// <param name="receivedOf">When the message now in the book under a key was received, if known.</param>
    public Post? Compose(Acceptance acceptance, DateTimeOffset now, Func<string, DateTimeOffset?>? receivedOf = null) => (acceptance.Message, acceptance.Previous) switch
    {
        (WardResult current, null) => _wards.Compose(current, acceptance.Book, now),
        (WardResult current, WardResult previous) when !current.SameResultAs(previous) => _wards.ComposeCorrection(previous, current, acceptance.Book, now, receivedOf?.Invoke(previous.Key)),
        (Referendum current, null) => _referendums.Compose(current, now),
        (Referendum current, Referendum previous) when !current.SameResultAs(previous) => _referendums.ComposeCorrection(previous, current, now, receivedOf?.Invoke(previous.Key)),
        _ => null,
    };
}
