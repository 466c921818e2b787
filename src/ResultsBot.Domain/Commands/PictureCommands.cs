using System.Globalization;
using ResultsBot.Domain.Book;
using ResultsBot.Domain.Posts;
using ResultsBot.Domain.Scoreboards;
using ResultsBot.Domain.Text;

namespace ResultsBot.Domain.Commands;

/// <summary>/map, /chamber COUNCIL and /chart: a line saying what the picture shows, and the picture to draw with it.</summary>
internal static class PictureCommands
{
    public static CommandAnswer Map(ResultsBook book, CultureInfo culture)
    {
        var progress = Progress.Councils(book.DeclaredCount, book.ExpectedCount, culture);
        return new CommandAnswer($"Council control tonight: {progress}.") { Picture = new PictureRequest(PictureKind.Map) };
    }

    public static CommandAnswer Chart(ResultsBook book, CultureInfo culture)
    {
        var board = Scoreboard.From(book);
        if (board.Coverage.CouncilsWithChanges == 0)
        {
            return CommandAnswer.Problem("No result so far gives a like-for-like change in councillors, so there is no chart of it yet.");
        }

        return new CommandAnswer($"Councillors: net change by party, on the {Numbers.Count(board.Coverage.CouncilsWithChanges, culture)} of {Numbers.Count(board.Declared, culture)} declared councils that give it.")
        {
            Picture = new PictureRequest(PictureKind.Chart),
        };
    }

    /// <summary>The council's chamber once it has declared; otherwise what /council would say.</summary>
    public static CommandAnswer Chamber(CouncilLookup lookup, Func<CommandAnswer> council, ResultsBook book)
    {
        if (lookup.Key is not { } key || book.DeclarationFor(key) is not { } declaration)
        {
            return lookup.Problem ?? council();
        }

        return new CommandAnswer(Headlines.For(declaration)) { Picture = new PictureRequest(PictureKind.Chamber, declaration.Key) };
    }
}
