namespace ResultsBot.Platforms;

/// <summary>
/// A picture that goes with a post or an answer: PNG bytes, a file name unique within the post (what Discord's
/// <c>attachment://</c> and Slack's upload name it by) and alt text that says in words what it shows (what
/// screen readers read, and what platforms show with images off).
/// </summary>
public sealed record PostImage(string FileName, byte[] Png, string AltText);
