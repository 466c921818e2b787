using System.Xml.Linq;
using ResultsBot.Domain.Councils;

namespace ResultsBot.Feeds.Pa;

internal static class CouncilReader
{
    public static Council Read(XElement element)
    {
        var name = Attributes.RequiredText(element, "name");
        var proportion = Attributes.OptionalText(element, "proportion")?.ToLowerInvariant() switch
        {
            null or "all" or "whole" => Proportion.All,
            "half" or "halves" => Proportion.Half,
            "third" or "thirds" => Proportion.Third,
            var other => throw new FeedFormatException($"{name}: proportion='{other}' is not all, half or third"),
        };
        return new Council(name, Attributes.OptionalText(element, "paId"), Attributes.OptionalText(element, "type") ?? "", proportion);
    }
}
