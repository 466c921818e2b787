namespace ResultsBot.Domain.Commands;

/// <summary>One command as platforms register it: its name, a one-line description and its options, in order.</summary>
/// <param name="ChangesSettings">True for commands only admins may use (they change what the bot does).</param>
public sealed record CommandSpec(string Name, string Description, IReadOnlyList<CommandOption> Options, bool ChangesSettings = false)
{
    /// <summary>Its lines in /help, in order (usually one; /share has a second for entering the share).</summary>
    public IReadOnlyList<HelpLine> Help { get; init; } = [];

    /// <summary>Other names the engine answers to ("/pns" for /share); never registered, never in /help.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// True for the commands about the channel they are typed in (/subscribe, /subscriptions, /unsubscribe): the
    /// subscriptions answer them, not <see cref="CommandEngine"/>, which only reads the results.
    /// </summary>
    public bool AboutTheChannel { get; init; }

    /// <summary>The text the engine reads for this command with these option values, e.g. "/council Birmingham".</summary>
    /// <param name="valueOf">The value given for an option, by option name, or null when it was left out.</param>
    public string ToInput(Func<string, string?> valueOf)
    {
        var parts = new List<string> { "/" + Name };
        foreach (var option in Options)
        {
            if (valueOf(option.Name) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                if (option.Keyword)
                {
                    parts.Add(option.Name);
                }

                parts.Add(value.Trim());
            }
        }

        return string.Join(' ', parts);
    }
}
