namespace ResultsBot.Discord.Rest;

/// <summary>
/// Groups requests the way Discord's rate limits do: by method and path shape, with the top-level resource
/// (channel, guild, webhook id + token) kept apart as the major parameter, and other ids made generic.
/// </summary>
internal static class RouteKeys
{
    private static readonly HashSet<string> MajorResources = ["channels", "guilds", "webhooks"];

    public static (string Route, string Major) For(HttpMethod method, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? path : path[..query]).Trim('/').Split('/');
        var major = "";
        var shape = new List<string>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : "";
            if (i == 1 && MajorResources.Contains(previous))
            {
                major = segment;
                shape.Add("{id}");
            }
            else if (i == 2 && segments[0] is "webhooks" or "interactions")
            {
                // A webhook's token belongs to its major parameter; an interaction's token is per interaction.
                major += "/" + segment;
                shape.Add("{token}");
            }
            else
            {
                shape.Add(IsId(segment) ? "{id}" : segment);
            }
        }

        if (segments[0] == "interactions" && segments.Length > 1)
        {
            major = segments[1] + major;
        }

        return ($"{method.Method} {string.Join('/', shape)}", major);
    }

    private static bool IsId(string segment) => segment.Length > 0 && segment.All(char.IsAsciiDigit);
}
