namespace ResultsBot.Domain.Commands;

/// <summary>
/// The command that gives the full result a post is about, read from the post's subject (the key of the message it
/// reports): a council's declaration ("council/KEY") is /council KEY; a mayor's, police commissioner's or parliament
/// seat's result ("result/mayor/KEY", "result/pcc/KEY", "result/seat/s/KEY") is /mayor, /pcc or /seat KEY. Each
/// platform's "Full result" button carries the subject and runs this command when pressed, so Discord and Slack answer
/// a press alike.
/// </summary>
public static class FullResultCommand
{
    /// <summary>"/council thurrock" for "council/thurrock"; null for a subject no command answers (a milestone, a digest, a garbled key).</summary>
    public static string? For(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var parts = subject.Split('/');
        var (command, key) = parts switch
        {
            ["council", var k] => ("council", k),
            ["result", "mayor", var k] => ("mayor", k),
            ["result", "pcc", var k] => ("pcc", k),
            ["result", "seat", _, var k] => ("seat", k),
            _ => ("", ""),
        };
        return command.Length > 0 && key.Trim().Length > 0 ? "/" + command + " " + key : null;
    }
}
