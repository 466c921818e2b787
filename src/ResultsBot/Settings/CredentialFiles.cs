using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.KeyPerFile;

namespace ResultsBot.Settings;

/// <summary>
/// Tokens as files, one setting a file, named as an environment variable would be (<c>Discord__BotToken</c>): the
/// way systemd hands a service its secrets (<c>LoadCredential=</c>) without putting them in the environment, the
/// command line or a configuration file anyone can read.
/// </summary>
public static class CredentialFiles
{
    /// <summary>Set by systemd to the folder of the service's credentials, readable only by the service.</summary>
    public const string DirectoryVariable = "CREDENTIALS_DIRECTORY";

    /// <param name="directory">The folder, usually <see cref="DirectoryVariable"/>'s value; none (null) adds nothing.</param>
    public static IConfigurationBuilder AddCredentialFiles(this IConfigurationBuilder configuration, string? directory)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return configuration;
        }

        // A folder that is named but missing would otherwise look like no tokens at all.
        if (!Directory.Exists(directory))
        {
            throw new SettingsException($"{DirectoryVariable} '{directory}': no such folder (it names where the bot's credential files are, e.g. a file Discord__BotToken holding the token)");
        }

        return configuration.AddKeyPerFile(directory, optional: false);
    }

    public static bool IsCredentialFiles(IConfigurationProvider provider) => provider is KeyPerFileConfigurationProvider;
}
