using System.Text.Json.Serialization;

namespace ResultsBot.Storage;

internal sealed record PostLines(string[] Lines);

[JsonSerializable(typeof(PostLines))]
internal sealed partial class PostJson : JsonSerializerContext;
