namespace ResultsBot.Domain.Messages;

/// <summary>
/// A projected national share (PNS): not in PA's local feed, announced by a broadcaster during the
/// day and entered by hand, either as a NationalShare file dropped into the feed or by an admin's
/// <c>/share set</c>. A later figure replaces an earlier one.
/// </summary>
/// <param name="Source">Who projected it, e.g. "BBC projected national share".</param>
/// <param name="At">When it was announced or entered.</param>
/// <param name="SetBy">The admin who ran /share set, or who the message names; empty when it names nobody.</param>
/// <param name="PreviousYear">The year the shares' previous figures are from, when the message says.</param>
public sealed record NationalShare(int Revision, string Source, DateTimeOffset At, string SetBy, IReadOnlyList<PartyShare> Shares, int? PreviousYear = null) : FeedMessage(Revision)
{
    public const string MessageKey = "share/national";

    public override string Key => MessageKey;
}
