using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ResultsBot.Platforms;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.WebApi;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Pictures;

/// <summary>
/// Uploads pictures with Slack's external upload flow — files.getUploadURLExternal (filename, length, alt_txt), the
/// bytes POSTed to the upload_url it gives, files.completeUploadExternal — without sharing them anywhere: a message
/// then shows them by id in image blocks. (The retired files.upload is never used.) A picture that fails is left out
/// with a warning (once per kind of failure), and all of a post's pictures together get
/// <see cref="SlackRateLimits.PictureUploadBudget"/>: the text never waits longer for them.
/// </summary>
public sealed class SlackPictureUploader(SlackWebApiClient client, ILogger logger)
{
    /// <summary>Slack's cap on alt_txt at upload.</summary>
    private const int UploadAltTextLimit = 1000;

    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    /// <summary>The pictures that uploaded, in the order given (the main one first).</summary>
    public async Task<IReadOnlyList<UploadedPicture>> UploadAsync(IReadOnlyList<PostImage> images, string subject, CancellationToken cancellationToken)
    {
        if (images.Count == 0)
        {
            return [];
        }

        using var budget = new CancellationTokenSource(client.Limits.PictureUploadBudget, client.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var uploaded = new List<UploadedPicture>();
        foreach (var image in images)
        {
            try
            {
                if (await UploadOneAsync(image, subject, linked.Token) is { } fileId)
                {
                    uploaded.Add(new UploadedPicture(fileId, image.AltText));
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Warn("budget", "Slack pictures for {Subject} took longer than {Seconds} s to upload: the post goes without the rest", subject, client.Limits.PictureUploadBudget.TotalSeconds);
                break;
            }
            catch (SlackUnavailableException e)
            {
                Warn("unavailable", "Slack could not take the picture {File} for {Subject} ({Reason}): the post goes without it", image.FileName, subject, e.Message);
            }
        }

        return uploaded;
    }

    private async Task<string?> UploadOneAsync(PostImage image, string subject, CancellationToken cancellationToken)
    {
        var reserve = await client.GetUploadUrlAsync(image.FileName, image.Png.Length, SlackText.Truncate(image.AltText.Trim(), UploadAltTextLimit), cancellationToken);
        if (!reserve.Ok || reserve.FileId is not { } fileId
            || !Uri.TryCreate(reserve.UploadUrl, UriKind.Absolute, out var uploadUrl)
            || (uploadUrl.Scheme != Uri.UriSchemeHttps && uploadUrl.Scheme != Uri.UriSchemeHttp))
        {
            Refused(reserve, "files.getUploadURLExternal", image, subject);
            return null;
        }

        if (!await client.UploadBytesAsync(uploadUrl, image.Png, cancellationToken))
        {
            Warn("upload_url", "Slack's upload URL refused the picture {File} for {Subject}: the post goes without it", image.FileName, subject);
            return null;
        }

        // No channel_id: the file stays private to the bot until a message shows it, so an upload cut short by a
        // crash leaves nothing in any channel.
        var complete = await client.CompleteUploadAsync(new CompleteUploadRequest([new UploadedFileTitle(fileId, image.FileName)]), cancellationToken);
        if (!complete.Ok)
        {
            Refused(complete, "files.completeUploadExternal", image, subject);
            return null;
        }

        return fileId;
    }

    private void Refused(SlackApiResponse result, string method, PostImage image, string subject)
    {
        if (result.Error == "missing_scope")
        {
            Warn("missing_scope", "Slack refused pictures: the app lacks the files:write scope (add it as slack-app-manifest.yml has it and reinstall the app); posts go without pictures meanwhile");
            return;
        }

        Warn(result.Error ?? method, "Slack refused the picture {File} for {Subject}: {Reason}; the post goes without it", image.FileName, subject, result.Ok ? method + " answered without a file id or upload URL" : result.Describe(method));
    }

    private void Warn(string kind, string message, params object?[] arguments)
    {
        // Once per kind at warning level: a night of posts must not bury the log under the same line.
        var first = _warned.TryAdd(kind, true);
#pragma warning disable CA2254 // the templates are the constants above
        logger.Log(first ? LogLevel.Warning : LogLevel.Debug, message, arguments);
#pragma warning restore CA2254
    }
}
