namespace ResultsBot.Domain.Commands;

/// <summary>Names run together the way a sentence does: "A, B or C", "A, B and C".</summary>
internal static class Lists
{
    public static string Or(IReadOnlyList<string> names) => Join(names, "or");

    public static string And(IReadOnlyList<string> names) => Join(names, "and");

    private static string Join(IReadOnlyList<string> names, string last) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} {last} {names[^1]}",
    };
}
