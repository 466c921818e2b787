namespace ResultsBot.Settings;

/// <summary>A setting is missing or wrong; the message names the key, so the bot fails at start, not at 3 a.m.</summary>
public sealed class SettingsException(string message) : Exception(message);
