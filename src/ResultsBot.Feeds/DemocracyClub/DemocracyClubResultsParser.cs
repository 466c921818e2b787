using System.Globalization;
using System.Text.Json;
using ResultsBot.Domain.Messages;
using ResultsBot.Feeds.Pa;

namespace ResultsBot.Feeds.DemocracyClub;

/// <summary>
/// Reads Democracy Club's results API (<c>/api/next/results/</c>): a page (<c>{"count", "next", "results": [...]}</c>)
/// or one result. Each result has <c>ballot.ballot_paper_id</c>, <c>num_turnout_reported</c>,
/// <c>turnout_percentage</c> and <c>candidate_results</c> (<c>person.name</c>, <c>party.ec_id</c> and
/// <c>party.name</c>, <c>num_ballots</c>, <c>elected</c>). Ballots that are not a council ward or a
/// parliamentary by-election (mayors, PCCs, devolved bodies) are left out.
/// </summary>
public static class DemocracyClubResultsParser
{
    private const int MaxVotes = 10_000_000;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    public static ParseOutcome Parse(byte[] content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, Options);
        }
        catch (JsonException ex)
        {
            return ParseOutcome.Bad($"not well-formed JSON (line {ex.LineNumber + 1}): {ex.Message.Split(". ")[0]}");
        }

        using (document)
        {
            var root = document.RootElement;
            try
            {
                var results = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out var page) && page.ValueKind == JsonValueKind.Array
                    ? [.. page.EnumerateArray()]
                    : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ballot", out _)
                        ? new List<JsonElement> { root }
                        : throw new FeedFormatException("neither a page of Democracy Club results (\"results\": [...]) nor one result (\"ballot\": {...})");
                var messages = results.Select(Read).OfType<WardResult>().ToList();
                return messages.Count == 0 && results.Count > 0 ? ParseOutcome.Unread("Democracy Club results for ballots other than wards and by-elections") : ParseOutcome.Read(messages);
            }
            catch (FeedFormatException ex)
            {
                return ParseOutcome.Bad("Democracy Club results: " + ex.Message);
            }
            catch (InvalidOperationException ex)
            {
                return ParseOutcome.Bad("Democracy Club results: a field has the wrong type (" + ex.Message + ")");
            }
        }
    }

    private static WardResult? Read(JsonElement result)
    {
        var id = Text(Property(Property(result, "ballot"), "ballot_paper_id"), "ballot.ballot_paper_id");
        if (BallotPaperId.Read(id) is not { } ballot)
        {
            return null;
        }

        var candidates = new List<WardCandidate>();
        foreach (var candidate in Property(result, "candidate_results").EnumerateArray())
        {
            var party = Property(candidate, "party");
            var ballots = Property(candidate, "num_ballots");
            if (ballots.ValueKind != JsonValueKind.Number || !ballots.TryGetInt32(out var votes) || votes is < 0 or > MaxVotes)
            {
                throw new FeedFormatException($"{id}: num_ballots {Shorten(ballots.GetRawText())} is not a whole number from 0 to {MaxVotes:N0}");
            }

            candidates.Add(new WardCandidate(
                Text(Property(Property(candidate, "person"), "name"), "person.name"),
                Optional(party, "name") ?? "Independent",
                Optional(party, "ec_id"),
                votes,
                candidate.TryGetProperty("elected", out var elected) && elected.ValueKind == JsonValueKind.True));
        }

        if (candidates.Count == 0)
        {
            throw new FeedFormatException($"{id}: no candidate_results");
        }

        if (candidates.Sum(c => (long)c.Votes) > MaxVotes)
        {
            throw new FeedFormatException($"{id}: the candidates' votes add up to more than {MaxVotes:N0}, which no ward has");
        }

        return new WardResult(Revision(result), id, ballot.Tier, ballot.Organisation, ballot.Area, ballot.Date, ballot.IsByElection, candidates, Count(result, "num_turnout_reported"), Percent(result, "turnout_percentage"));
    }

    /// <summary>Not Democracy Club's: the source adds it (the time a changed result was seen) so a corrected count supersedes.</summary>
    private static int Revision(JsonElement result) =>
        result.TryGetProperty("revision", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var revision) && revision >= 1
            ? revision
            : 1;

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new FeedFormatException($"\"{name}\" is missing");

    private static string Text(JsonElement element, string what) =>
        element.GetString() is { Length: > 0 and <= 200 } text ? text.Trim() : throw new FeedFormatException($"{what} is empty or too long");

    private static string? Optional(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 200 } text
            ? text.Trim()
            : null;

    private static int? Count(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count is >= 0 and <= MaxVotes ? count : null;

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static decimal? Percent(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var percent) && percent is >= 0 and <= 100 ? percent : null;
}
