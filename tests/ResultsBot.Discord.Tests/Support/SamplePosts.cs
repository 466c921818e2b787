using ResultsBot.Domain.Posts;
using ResultsBot.Platforms;

namespace ResultsBot.Discord.Tests.Support;

/// <summary>Posts shaped like the composers' output.</summary>
public static class SamplePosts
{
    public static Post Declaration(string council = "Rushmoor", int n = 0) =>
        new(PostKind.Declaration, "council/" + council, $"Labour gain {council} from Conservatives", [
            PostSection.Plain("A third of the council up: 13 of 39 seats"),
            new PostSection("Seats won", "Labour 9 (+4), Conservatives 3 (−4), Liberal Democrats 1"),
            new PostSection("Council now", "Labour 22, Conservatives 14, Liberal Democrats 3"),
            PostSection.Plain($"Labour majority of 5 · post {n}"),
            PostSection.Plain("12 of 107 declared"),
        ])
        {
            Colour = "#E4003B",
            Footer = "PA Media · 3 May 2024, 03:12 UK time",
        };

    public static Post Correction(string council = "Rushmoor") =>
        new(PostKind.Correction, "council/" + council, $"Correction: Labour hold {council}", [
            PostSection.Plain("Revision 2 corrects the earlier result: Labour won 10 (was 9)."),
            new PostSection("Seats won", "Labour 10 (+5), Conservatives 2 (−5), Liberal Democrats 1"),
        ])
        {
            Colour = "#E4003B",
            Footer = "PA Media · 3 May 2024, 03:40 UK time",
        };

    public static OutgoingPost To(string channel, long deliveryId, Post post, string? original = null) =>
        new(deliveryId, channel, post, original);
}
