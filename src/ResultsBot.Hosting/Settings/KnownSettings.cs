using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ResultsBot.Settings;

/// <summary>
/// The sections and keys the composed parts read. Each part names its own as it is added, so that a misspelt
/// key or section ("--Discrod:BotToken=…") stops the bot instead of being ignored, whichever parts are in it.
/// </summary>
public sealed class KnownSettings
{
    private readonly Dictionary<string, string[]> _sections = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, string[]> Sections => _sections;

    /// <summary>The builder's list, made on first use.</summary>
    public static KnownSettings Of(IHostApplicationBuilder builder)
    {
        if (!builder.Properties.TryGetValue(typeof(KnownSettings), out var known))
        {
            known = new KnownSettings();
            builder.Properties[typeof(KnownSettings)] = known;
        }

        return (KnownSettings)known;
    }

    /// <summary>Names a section and its keys, and refuses a key in it that is not one of them.</summary>
    public IConfigurationSection Claim(IConfiguration configuration, string section, params string[] keys)
    {
        _sections[section] = keys;
        var found = configuration.GetSection(section);
        foreach (var child in found.GetChildren())
        {
            if (!keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new SettingsException($"{section}:{child.Key} is not a setting the bot knows (known: {string.Join(", ", keys.Select(k => $"{section}:{k}"))})");
            }
        }

        return found;
    }
}
