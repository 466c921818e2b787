namespace ResultsBot.Cli;

/// <summary>
/// The verb and its argument, plus the rest of the arguments, which are settings
/// (<c>--Section:Key=value</c>, and the verbs' own <c>--speed</c> and <c>--feed</c>).
/// </summary>
public sealed record CommandLine(string Verb, string? Argument, IReadOnlyList<string> SettingArguments)
{
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--speed"] = "Replay:Speed",
        ["--feed"] = "Feed:Source",
    };

    private static readonly string[] Verbs = ["run", "replay", "ask", "check", "help"];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count > 0 && args[0] is "-h" or "--help" or "-?")
        {
            return new CommandLine("help", null, []);
        }

        var verb = "run";
        var next = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            verb = args[0].ToLowerInvariant();
            next = 1;
            if (!Verbs.Contains(verb))
            {
                throw new UsageException($"unknown verb '{args[0]}'");
            }
        }

        string? argument = null;
        if (verb is "replay" or "ask" or "check" && next < args.Count && !args[next].StartsWith("--", StringComparison.Ordinal))
        {
            argument = args[next++];
        }

        if (verb == "ask" && argument is null)
        {
            throw new UsageException("ask needs a command, e.g. ask \"/council Thurrock\" --feed DIR");
        }

        var settings = args.Skip(next).ToList();
        CheckSettingArguments(settings);
        return new CommandLine(verb, argument, settings);
    }

    private static void CheckSettingArguments(List<string> settings)
    {
        for (var i = 0; i < settings.Count; i++)
        {
            var arg = settings[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new UsageException($"unexpected argument '{arg}' (settings are written --Section:Key=value)");
            }

            if (!arg.Contains('=', StringComparison.Ordinal))
            {
                if (i + 1 >= settings.Count || settings[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{arg} needs a value");
                }

                i++;
            }
        }
    }
}
