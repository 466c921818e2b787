using ResultsBot.Discord.Posts;
using ResultsBot.Fakes.Discord;
using ResultsBot.Discord.Tests.Support;

namespace ResultsBot.Discord.Tests.Posts;

public sealed class DiscordMessageTextTests
{
    [Fact]
    public void Split_ShortText_IsOneMessage()
    {
        Assert.Equal(["Birmingham: Labour hold"], DiscordMessageText.Split("Birmingham: Labour hold"));
    }

    [Fact]
    public void Split_LongAnswer_BreaksAtLineEndsWithinTheLimit()
    {
        var lines = Enumerable.Range(1, 300).Select(i => $"Council {i}: Labour 20 (+2), Conservatives 10 (−2)").ToList();

        var messages = DiscordMessageText.Split(string.Join("\n", lines));

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.InRange(m.Length, 1, 2000));
        Assert.Equal(lines, messages.SelectMany(m => m.Split('\n')));
    }

    [Fact]
    public void Split_OneLineLongerThanAMessage_BreaksAtSpaces()
    {
        var line = string.Join(" ", Enumerable.Repeat("word", 1000));

        var messages = DiscordMessageText.Split(line);

        Assert.All(messages, m => Assert.InRange(m.Length, 1, 2000));
        Assert.Equal(line, string.Join(" ", messages));
    }

    [Fact]
    public void Split_NeverCutsAnEmojiInHalf()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 1500));

        var messages = DiscordMessageText.Split(text);

        Assert.Equal(text, string.Concat(messages));
        Assert.All(messages, m => Assert.False(char.IsHighSurrogate(m[^1])));
    }

    [Fact]
    public void Split_EmojiWithoutBreaks_CutsWithinTheLimitAndKeepsEveryCharacter()
    {
        var text = string.Concat(Enumerable.Repeat("🗳", 1500)); // surrogate pairs, 3000 chars, no spaces

        var parts = DiscordMessageText.Split(text);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, 2000));
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_MassMentions_AreDefused()
    {
        var message = Assert.Single(DiscordMessageText.Split("Hello @everyone and @here"));

        Assert.Equal("Hello @\u200beveryone and @\u200bhere", message);
    }

    [Fact]
    public void Split_EmptyText_IsOneMessageDiscordAccepts()
    {
        var message = Assert.Single(DiscordMessageText.Split("  \n "));

        Assert.Empty(DiscordMessageSchema.ValidateCreate(WireJson.Of(DiscordMessageText.Body(message))));
    }

    [Fact]
    public void Body_NeverAllowsMentions()
    {
        Assert.Equal("""{"content":"hi","allowed_mentions":{"parse":[]}}""", DiscordMessageText.Body("hi").ToJsonString());
    }
}
