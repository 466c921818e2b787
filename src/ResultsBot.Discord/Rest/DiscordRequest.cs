namespace ResultsBot.Discord.Rest;

/// <summary>One call to Discord's REST API, as data, so it can be sent again after a 429.</summary>
/// <param name="Method">GET, POST, PATCH, PUT, DELETE.</param>
/// <param name="Path">Relative to the REST base, without a leading slash: "channels/123/messages".</param>
/// <param name="Body">JSON body (see <see cref="DiscordBody.Of{T}"/>), or null for none.</param>
/// <param name="CountsTowardsGlobalLimit">False for interaction callbacks and follow-ups, which Discord leaves out of the 50/s global limit.</param>
/// <param name="Authorize">False to leave out the bot token (interaction webhooks need none).</param>
public sealed record DiscordRequest(HttpMethod Method, string Path, DiscordBody? Body = null, bool CountsTowardsGlobalLimit = true, bool Authorize = true)
{
    /// <summary>Files to upload with the body: with any, the request goes as multipart/form-data (payload_json + files[n]) on the same route and bucket.</summary>
    public IReadOnlyList<DiscordUpload> Files { get; init; } = [];

    /// <summary>The route as rate limits see it ("POST channels/{id}/messages") and its major parameter (the channel id).</summary>
    public (string Route, string Major) RouteKey => RouteKeys.For(Method, Path);

    /// <summary>"GET users/@me": the route already starts with the method.</summary>
    public override string ToString() => RouteKey.Route;
}
