namespace ResultsBot.Fakes.Slack;

/// <summary>
/// A file in the fake's store, as Slack's external upload flow builds it: reserved by files.getUploadURLExternal
/// (name, declared length, alt text), filled by a POST to its upload URL, then completed by
/// files.completeUploadExternal. Only a completed file can be shown in an image block or shared.
/// </summary>
internal sealed class FakeSlackFile(string id, string name, int declaredLength, string? altText, string uploadKey)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public int DeclaredLength { get; } = declaredLength;

    public string? AltText { get; } = altText;

    /// <summary>The secret last part of its upload URL.</summary>
    public string UploadKey { get; } = uploadKey;

    /// <summary>The bytes posted to the upload URL, or null until then.</summary>
    public byte[]? Bytes { get; set; }

    public string? Title { get; set; }

    public bool Completed { get; set; }

    /// <summary>How many more times a message naming this file is refused as not yet processed (see FakeSlackWebApi.FilesProcessingFor).</summary>
    public int ProcessingLeft { get; set; }

    /// <summary>Channels it was shared into by files.completeUploadExternal.</summary>
    public List<string> SharedInto { get; } = [];

    public FakeSlackImage Image(string? altText) => new(Id, Title ?? Name, altText ?? AltText, Bytes ?? []);
}
