using System.Globalization;
using ResultsBot.Discord.Rest;
using ResultsBot.Platforms;
using ResultsBot.Discord.Wire;

namespace ResultsBot.Discord.Posts;

/// <summary>
/// A post's or an answer's pictures as Discord attachments: the files to upload (files[n]), their metadata
/// (attachments: [{id: n, filename, description}], the description being the alt text) and the name of the
/// main picture, which the embed shows as its image (attachment://name). A picture over Discord's upload limit
/// is left out (the text never waits for, or fails because of, a picture).
/// </summary>
/// <param name="Descriptions">Each file's alt text, in the same order.</param>
/// <param name="LeftOut">Pictures over the upload limit, not sent (for the caller to log).</param>
public sealed record DiscordAttachments(IReadOnlyList<DiscordUpload> Files, IReadOnlyList<string> Descriptions, IReadOnlyList<PostImage> LeftOut)
{
    /// <summary>Discord's upload limit per file for a bot in a server without boosts (10 MiB).</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Alt text (an attachment's description) is at most 1024 characters.</summary>
    public const int MaxDescription = 1024;

    public static DiscordAttachments None { get; } = new([], [], []);

    /// <summary>The main picture's file name, shown as the embed's image; null when there are no pictures.</summary>
    public string? Main => Files.Count > 0 ? Files[0].FileName : null;

    /// <summary>The pictures that fit, first one the main one, with names Discord keeps as sent and alt text within its limit.</summary>
    public static DiscordAttachments From(IReadOnlyList<PostImage> images)
    {
        var files = new List<DiscordUpload>();
        var leftOut = new List<PostImage>();
        var descriptions = new List<string>();
        foreach (var image in images)
        {
            if (image.Png.Length > MaxFileBytes)
            {
                leftOut.Add(image);
                continue;
            }

            files.Add(new DiscordUpload(UniqueName(SafeName(image.FileName), files), image.Png));
            descriptions.Add(TextCuts.Trim(DiscordMarkdown.StripControls(image.AltText).Trim(), MaxDescription));
        }

        return new DiscordAttachments(files, descriptions, leftOut);
    }

    /// <summary>
    /// Adds the attachments list (exactly these files: on an edit, the pictures that were there go) and, when
    /// there is a main picture and an embed, sets the embed's image to it.
    /// </summary>
    public DiscordMessage AddTo(DiscordMessage body)
    {
        // The id is a snowflake-shaped string (the files[n] index): what both the docs and the OpenAPI file accept.
        var list = Files.Select((file, n) => new DiscordAttachment(n.ToString(CultureInfo.InvariantCulture), file.FileName, Descriptions[n])).ToList();
        var withList = body with { Attachments = list };
        if (Main is { } main && body.Embeds is { Count: > 0 } embeds)
        {
            return withList with { Embeds = [embeds[0] with { Image = new DiscordEmbedImage("attachment://" + main) }, .. embeds.Skip(1)] };
        }

        return withList;
    }

    /// <summary>
    /// Discord changes some characters in file names (spaces, underscores), and then attachment://name no
    /// longer finds the file: letters, digits, dots and hyphens only.
    /// </summary>
    private static string SafeName(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray();
        var safe = new string(chars).Trim('-', '.');
        return safe.Length == 0 ? "picture.png" : safe;
    }

    /// <summary>Two pictures named alike in one post would both answer to the same attachment:// name.</summary>
    private static string UniqueName(string name, List<DiscordUpload> taken)
    {
        var candidate = name;
        for (var n = 2; taken.Any(f => string.Equals(f.FileName, candidate, StringComparison.OrdinalIgnoreCase)); n++)
        {
            candidate = Path.GetFileNameWithoutExtension(name) + string.Create(CultureInfo.InvariantCulture, $"-{n}") + Path.GetExtension(name);
        }

        return candidate;
    }
}
