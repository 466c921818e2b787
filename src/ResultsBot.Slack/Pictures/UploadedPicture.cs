namespace ResultsBot.Slack.Pictures;

/// <summary>A picture Slack holds as a completed, unshared file: what an image block names (slack_file id) and says (alt text).</summary>
public sealed record UploadedPicture(string FileId, string AltText);
