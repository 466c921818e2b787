namespace ResultsBot.Cli;

internal static class Usage
{
    public const string Text = """
        ResultsBot: UK election-night results as posts, and answers to /council, /scoreboard, /help.

        Usage:
          ResultsBot [run] [settings]            run the bot (no settings: replay the bundled 2024 sample)
          ResultsBot replay <path-or-url> [--speed N]
                                                 post a whole feed to stdout in declaration order, then exit
          ResultsBot ask "<command>" [--feed <path-or-url>]
                                                 read a feed, answer one command, exit
          ResultsBot check <path-or-url>         list bad feed files, one a line; exit 1 if any

        Settings (appsettings.json, environment variables such as Feed__Source, or --Section:Key=value):
          Feed:Source                 directory (watched), file or http(s) URL; default the bundled sample
          Feed:PollInterval           how often to look again, e.g. 2s (default)
          Feed:ReadTimeout            how long one HTTP read may take before the feed is stuck (default 20s)
          Replay:Speed                times faster than real time to replay (the sample runs at 60)
          ConnectionStrings:ResultsBot  SQLite state (run: Data Source=resultsbot.db; replay/ask: in memory)
          Posts:Culture               how numbers are written (default en-GB)
        """;
}
