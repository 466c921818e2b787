using Microsoft.Extensions.Configuration;
using ResultsBot.Application.Pipeline;
using ResultsBot.Settings;
using static ResultsBot.Settings.SettingsText;

namespace ResultsBot.Terminal;

/// <summary>The Console: section: digests for the terminal, and where its pictures go.</summary>
/// <param name="Digest">Console:Digest and Console:DigestWindow — group declarations into digests (off by default).</param>
/// <param name="ImageFolder">Console:ImageFolder — where the console writes its pictures; null: beside the database when running, none for replay and ask.</param>
public sealed record ConsoleSettings(DigestPolicy Digest, string? ImageFolder)
{
    public const string Section = "Console";

    public static readonly string[] Keys = ["Digest", "DigestWindow", "ImageFolder"];

    public static ConsoleSettings Read(IConfiguration configuration)
    {
        var enabled = false;
        if (Blank(configuration["Console:Digest"]) is { } text && !bool.TryParse(text, out enabled))
        {
            throw new SettingsException($"Console:Digest '{text}': give true or false");
        }

        var window = DigestPolicy.DefaultWindow;
        if (Blank(configuration["Console:DigestWindow"]) is { } windowText
            && (!Durations.TryParse(windowText, out window) || window < TimeSpan.FromSeconds(1) || window > TimeSpan.FromMinutes(30)))
        {
            throw new SettingsException($"Console:DigestWindow '{windowText}': give a duration between 1s and 30m, e.g. 20s");
        }

        return new ConsoleSettings(new DigestPolicy(enabled, window), Blank(configuration["Console:ImageFolder"]));
    }
}
