namespace ResultsBot.Discord.Gateway;

internal enum ConnectionNext
{
    /// <summary>Reconnect on resume_gateway_url and Resume (falls back to Identify when there is no session).</summary>
    Resume,

    /// <summary>Forget the session, reconnect on the gateway URL and Identify.</summary>
    Identify,

    /// <summary>Never reconnect (bad token, disallowed intents...): someone must fix the settings.</summary>
    Stop,
}
