using System.Collections.Concurrent;
using ResultsBot.Domain.Book;

namespace ResultsBot.Domain.Commands;

/// <summary>
/// Answers already given about the book as it stands. The book changes only when the feed brings something; between
/// two acceptances the same question has the same answer, and a big server asks it hundreds of times in the minute
/// after a council declares. Only questions whose answer depends on nothing but the book and the words asked are kept
/// (the engine decides which); a new book starts afresh, so no answer outlives the figures it was made from.
/// </summary>
internal sealed class AnswerMemo(int capacity)
{
    private sealed record Page(ResultsBook Book, ConcurrentDictionary<string, CommandAnswer> Answers);

    private Page? _page;

    public CommandAnswer GetOrAdd(ResultsBook book, string question, Func<CommandAnswer> answer)
    {
        var page = Volatile.Read(ref _page);
        if (page is null || !ReferenceEquals(page.Book, book))
        {
            // Two threads holding different books may swap the page back and forth; each only ever reads answers
            // made from its own book, so the worst is an answer worked out twice.
            page = new Page(book, new ConcurrentDictionary<string, CommandAnswer>(StringComparer.Ordinal));
            Volatile.Write(ref _page, page);
        }

        if (page.Answers.TryGetValue(question, out var known))
        {
            return known;
        }

        var made = answer();
        if (page.Answers.Count < capacity)
        {
            page.Answers.TryAdd(question, made);
        }

        return made;
    }
}
