using ResultsBot.Discord.Hosting;
using ResultsBot.Slack.Hosting;
using System.Diagnostics;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using ResultsBot.Cli;
using ResultsBot.Settings;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Deploy;

/// <summary>deploy/resultsbot.service says what the bot needs: checked against the bot's own settings reader.</summary>
public sealed class SystemdUnitTests
{
    private static readonly string DeployFolder = Path.Combine(Paths.RepoRoot, "deploy");
    private static readonly SystemdUnitFile Unit = SystemdUnitFile.Parse(File.ReadAllText(Path.Combine(DeployFolder, "resultsbot.service")));

    [Fact]
    public void Unit_ParsesAsAServiceThatTellsSystemdWhenItIsReady()
    {
        Assert.Equal(["Unit", "Service", "Install"], Unit.Sections);
        Assert.Equal("notify", Unit.Single("Service", "Type"));
        Assert.Equal("multi-user.target", Unit.Single("Install", "WantedBy"));
    }

    /// <summary>systemd's own check: every key known, every value parsed. The program is not installed on a test machine.</summary>
    [Fact]
    public async Task Unit_SystemdAnalyzeVerifyFindsNothingButTheProgramNotInstalledHere()
    {
        var info = new ProcessStartInfo("systemd-analyze", ["verify", "--man=no", Path.Combine(DeployFolder, "resultsbot.service")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var analyze = Process.Start(info)!;
        var stdout = analyze.StandardOutput.ReadToEndAsync();
        var stderr = analyze.StandardError.ReadToEndAsync();
        await analyze.WaitForExitAsync();

        var complaints = (await stdout + await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(complaints, c => Assert.Equal("resultsbot.service: Command /opt/resultsbot/ResultsBot is not executable: No such file or directory", c));
    }

    [Fact]
    public void Unit_RestartsAfterAFailureButNotAfterABadSetting()
    {
        Assert.Equal("on-failure", Unit.Single("Service", "Restart"));
        Assert.InRange(TimeSpan.FromSeconds(int.Parse(Unit.Single("Service", "RestartSec").TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        // Exit 2: a setting or the database file must be changed first (BotLauncher); a restart would fail the same way.
        Assert.Equal("2", Unit.Single("Service", "RestartPreventExitStatus"));
    }

    [Fact]
    public void Unit_RunsAsAnUnprivilegedUser()
    {
        var dynamic = Unit.All("Service", "DynamicUser");
        var user = Unit.All("Service", "User");
        Assert.True(dynamic is ["yes"] || (user is [var name] && name is not ("root" or "0")), "DynamicUser=yes or a User= that is not root");
    }

    [Fact]
    public void ExecStart_RunsThePublishedBotWhereTheDeployReadmePublishesIt()
    {
        var words = SystemdUnitFile.Words(Unit.Single("Service", "ExecStart"));
        var assemblyName = XDocument.Load(Path.Combine(Paths.RepoRoot, "src", "ResultsBot", "ResultsBot.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.Equal($"/opt/resultsbot/{assemblyName}", words[0]);
        Assert.Contains("sudo cp -r out/. /opt/resultsbot/", File.ReadAllText(Path.Combine(DeployFolder, "README.md")), StringComparison.Ordinal);
        Assert.Equal("run", CommandLine.Parse([.. words.Skip(1)]).Verb);
    }

    [Fact]
    public void Settings_FromTheUnitAndItsCredentials_AreWhatTheBotReads()
    {
        using var credentials = new TempDirectory();
        var names = CredentialNames();
        foreach (var name in names)
        {
            File.WriteAllText(credentials.File(name), $"value-of-{name}\n");
        }

        var configuration = ConfigurationAsTheServiceWouldHaveIt(credentials.Path);
        var settings = SettingsReader.Read(configuration, new Dictionary<string, string[]> { ["Discord"] = DiscordSettings.Keys, ["Slack"] = SlackSettings.Keys });
        var discord = DiscordSettings.Read(configuration)!;
        var slack = SlackSettings.Read(configuration)!;

        // Every credential the unit names (also those offered commented out) lands in the setting of that name.
        Assert.Equal(["Discord__BotToken", "Slack__AppToken", "Slack__BotToken", "Slack__SigningSecret"], names.Order(StringComparer.Ordinal));
        Assert.Equal("value-of-Discord__BotToken", discord.BotToken);
        Assert.Equal("value-of-Slack__BotToken", slack.BotToken);
        Assert.Equal("value-of-Slack__AppToken", slack.AppToken);
        Assert.Equal("value-of-Slack__SigningSecret", slack.SigningSecret);
        Assert.Equal("http://127.0.0.1:8080", settings.Urls);

        // The database lives in the state directory systemd makes (and keeps) for the service.
        var database = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        Assert.Equal("/var/lib/" + Unit.Single("Service", "StateDirectory"), Path.GetDirectoryName(database));

        // appsettings.json is read from the working directory: the configuration directory systemd makes.
        Assert.Equal("/etc/" + Unit.Single("Service", "ConfigurationDirectory"), Unit.Single("Service", "WorkingDirectory"));
    }

    /// <summary>LoadCredential=NAME:PATH lines, given or commented out; each file is named as its credential.</summary>
    private static List<string> CredentialNames()
    {
        var lines = Unit.All("Service", "LoadCredential")
            .Concat(Unit.CommentedLines.Where(l => l.StartsWith("LoadCredential=", StringComparison.Ordinal)).Select(l => l["LoadCredential=".Length..]))
            .ToList();
        Assert.All(lines, line => Assert.Equal(line.Split(':')[0], Path.GetFileName(line.Split(':')[1])));
        return [.. lines.Select(line => line.Split(':')[0])];
    }

    /// <summary>
    /// The service's environment, its credentials folder (read by the bot's own code) and its command line, layered as the bot layers them,
    /// plus the two settings an operator puts in /etc/resultsbot/appsettings.json for this check to reach the tokens.
    /// </summary>
    private static ConfigurationManager ConfigurationAsTheServiceWouldHaveIt(string credentialsDirectory)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:ApplicationId"] = "123456789012345678" });
        configuration.AddInMemoryCollection(Unit.Environment().ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value));
        configuration.AddCredentialFiles(credentialsDirectory);
        var command = CommandLine.Parse([.. SystemdUnitFile.Words(Unit.Single("Service", "ExecStart")).Skip(1)]);
        configuration.AddCommandLine([.. command.SettingArguments], CommandLine.SwitchMappings.ToDictionary());
        return configuration;
    }
}
