using System.Text;

namespace ResultsBot.Tests.Support;

/// <summary>The bad inputs a results night can throw at the bot, written into a folder.</summary>
internal static class BadFeeds
{
    public const string SecretMarker = "SECRET-MARKER-7f3a";

    /// <summary>Writes one file per kind of bad input; returns their names.</summary>
    public static IReadOnlyList<string> WriteInto(string directory, string secretFile, Uri externalUrl)
    {
        File.WriteAllText(secretFile, SecretMarker);
        var bolton = File.ReadAllText(Paths.SharedFeedFile("Local_Test_result_Bolton_1.xml"));
        var files = new Dictionary<string, byte[]>
        {
            ["bad_truncated.xml"] = Encoding.UTF8.GetBytes(bolton[..(bolton.Length / 2)]),
            ["bad_not_xml.xml"] = [0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0xFE, 0x01, 0x02],
            ["bad_empty.xml"] = [],
            ["bad_unknown_type.xml"] = Encoding.UTF8.GetBytes("<?xml version='1.0'?><WeatherForecast revision='1'/>"),
            ["bad_entities.xml"] = Encoding.UTF8.GetBytes("""
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <LocalElectionResult revision="1"><Election><Council name="&lol2;" winningParty="Lab" sittingParty="Lab">
                <NewCouncil><Party name="Lab" seats="10"/></NewCouncil></Council></Election></LocalElectionResult>
                """),
            ["bad_external_file.xml"] = Encoding.UTF8.GetBytes($"""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secretFile}">]>
                <LocalElectionResult revision="1"><Election><Council name="&xxe;" winningParty="Lab" sittingParty="Lab">
                <NewCouncil><Party name="Lab" seats="10"/></NewCouncil></Council></Election></LocalElectionResult>
                """),
            ["bad_external_url.xml"] = Encoding.UTF8.GetBytes($"""
                <?xml version="1.0"?>
                <!DOCTYPE r SYSTEM "{externalUrl}dtd"><LocalElectionResult revision="1"/>
                """),
            ["bad_negative_seats.xml"] = Encoding.UTF8.GetBytes(bolton.Replace("seats='25'", "seats='-25'", StringComparison.Ordinal)),
            ["bad_huge_name.xml"] = Encoding.UTF8.GetBytes(bolton.Replace("name='Bolton'", $"name='{new string('B', 200 * 1024)}'", StringComparison.Ordinal)),
        };
        foreach (var (name, content) in files)
        {
            File.WriteAllBytes(Path.Combine(directory, name), content);
        }

        return [.. files.Keys.Order(StringComparer.Ordinal)];
    }
}
