using ResultsBot.Domain.Commands;

namespace ResultsBot.Platforms;

/// <summary>What the platforms ask of the bot: answers to commands and suggestions while a name is typed.</summary>
public interface IBotCommands
{
    /// <summary>Never throws for a bad command or a store in trouble: there is always an answer to give.</summary>
    Task<CommandAnswer> RunAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>Suggestions for an option being typed: <paramref name="option"/> is "council" or "party".</summary>
    IReadOnlyList<string> Complete(string option, string partial);

    /// <summary>The picture an answer asks for (/map, /chamber, /chart), drawn now; null when there is none or it could not be drawn (then the text goes alone).</summary>
    PostImage? DrawPicture(PictureRequest request) => null;
}
