using System.Text.Json.Nodes;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.WebApi;

namespace ResultsBot.Slack.Tests;

public sealed class WebApiClientTests
{
    private static readonly SlackRateLimits Quick = SlackRateLimits.Default with { RequestTimeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task AuthTestAsync_WithTheBotToken_SaysWhoTheBotIsWithoutWarnings()
    {
        await using var rig = await WebApiRig.StartAsync();

        var result = await rig.Client.AuthTestAsync(CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(rig.Slack.BotUserId, result.UserId);
        Assert.Empty(rig.Slack.Warnings); // charset=utf-8 was sent
    }

    [Fact]
    public async Task CallAsync_WrongToken_GivesInvalidAuthAsAuthError()
    {
        await using var rig = await WebApiRig.StartAsync(token: "xoxb-wrong");

        var result = await rig.Client.CallAsync("auth.test", [], CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal("invalid_auth", result.Error);
        Assert.Equal(SlackErrorKind.Auth, result.Kind);
    }

    [Fact]
    public async Task PostMessageAsync_SendsTextBlocksAndNoUnfurling()
    {
        await using var rig = await WebApiRig.StartAsync();

        var result = await rig.Client.PostMessageAsync("C1", SlackNoteRenderer.Render("Birmingham: Labour hold"), CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        var stored = Assert.Single(rig.Slack.Messages("C1"));
        Assert.Equal(result.Ts, stored.Ts);
        Assert.Equal("Birmingham: Labour hold", stored.Text);
        Assert.NotNull(stored.Blocks);
        Assert.Equal((false, false), (stored.Unfurl.Links, stored.Unfurl.Media));
    }

    [Fact]
    public async Task PostEphemeralAsync_ReachesTheUserOnly()
    {
        await using var rig = await WebApiRig.StartAsync();

        var result = await rig.Client.PostEphemeralAsync("C1", "U42", SlackNoteRenderer.Render("Only you"), CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        var ephemeral = Assert.Single(rig.Slack.Ephemerals);
        Assert.Equal("U42", (string?)ephemeral["user"]);
        Assert.Equal("Only you", (string?)ephemeral["text"]);
        Assert.Empty(rig.Slack.Messages("C1"));
    }

    [Fact]
    public async Task CallAsync_RateLimitStorm_WaitsRetryAfterAndSucceeds()
    {
        await using var rig = await WebApiRig.StartAsync(Quick);
        rig.Slack.StartRateLimitStorm(2);

        var result = await rig.Client.PostMessageAsync("C1", SlackNoteRenderer.Render("after the storm"), CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(2, rig.Slack.RateLimitedCount);
        Assert.Equal(2, rig.Monitor.RateLimited);
        Assert.Single(rig.Slack.Messages("C1"));
    }

    [Fact]
    public async Task CallAsync_EndlessRateLimits_GivesUpAsUnavailable()
    {
        await using var rig = await WebApiRig.StartAsync(Quick with { MaxRateLimitWaits = 1 });
        rig.Slack.StartRateLimitStorm(100);

        await Assert.ThrowsAsync<SlackUnavailableException>(() => rig.Client.CallAsync("auth.test", [], CancellationToken.None));
        Assert.Equal(2, rig.Slack.RateLimitedCount);
    }

    [Fact]
    public async Task CallAsync_ServerErrors_ThrowUnavailable()
    {
        await using var rig = await WebApiRig.StartAsync(Quick);
        rig.Slack.ServerErrors = true;

        var error = await Assert.ThrowsAsync<SlackUnavailableException>(() => rig.Client.CallAsync("auth.test", [], CancellationToken.None));
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_Hanging_TimesOutAsUnavailable()
    {
        await using var rig = await WebApiRig.StartAsync(Quick with { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        rig.Slack.Hang = true;

        await Assert.ThrowsAsync<SlackUnavailableException>(() => rig.Client.CallAsync("auth.test", [], CancellationToken.None));
    }

    [Fact]
    public async Task DeleteMessageAsync_RemovesThePost_AndAGoneOneIsNotFound()
    {
        await using var rig = await WebApiRig.StartAsync();
        var posted = await rig.Client.PostMessageAsync("C1", SlackNoteRenderer.Render("posted by mistake"), CancellationToken.None);

        var deleted = await rig.Client.DeleteMessageAsync("C1", posted.Ts!, CancellationToken.None);
        var again = await rig.Client.DeleteMessageAsync("C1", posted.Ts!, CancellationToken.None);

        Assert.True(deleted.Ok, deleted.Error);
        Assert.Empty(rig.Slack.Messages("C1"));
        Assert.Equal(SlackErrorKind.MessageNotFound, again.Kind);
    }

    [Fact]
    public async Task HistoryAsync_ReadsHistoryWithMetadata()
    {
        await using var rig = await WebApiRig.StartAsync();
        rig.Slack.Seed("C1", "earlier", new JsonObject { ["event_type"] = "resultsbot_post", ["event_payload"] = new JsonObject { ["delivery_id"] = "7" } });

        var result = await rig.Client.HistoryAsync("C1", 50, threadTs: null, CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        var message = Assert.Single(result.Messages!);
        Assert.Equal(("resultsbot_post", "7", "earlier"), (message.Metadata?.EventType, message.Metadata?.EventPayload?.DeliveryId, message.Text));
    }

    [Fact]
    public async Task HistoryAsync_AnotherAppsMetadataOfAnyShape_IsReadWithoutFailingTheAnswer()
    {
        await using var rig = await WebApiRig.StartAsync();
        rig.Slack.Seed("C1", "theirs", new JsonObject { ["event_type"] = "task_created", ["event_payload"] = new JsonObject { ["delivery_id"] = 7, ["task"] = new JsonObject { ["id"] = "T1" } } });
        rig.Slack.Seed("C1", "odd", new JsonObject { ["event_type"] = "odd_app", ["event_payload"] = new JsonArray(1, 2) });
        rig.Slack.Seed("C1", "ours", new JsonObject { ["event_type"] = "resultsbot_post", ["event_payload"] = new JsonObject { ["delivery_id"] = "8" } });

        var result = await rig.Client.HistoryAsync("C1", 50, threadTs: null, CancellationToken.None);

        Assert.True(result.Ok, result.Error);
        Assert.Equal(
            [("odd_app", null), ("task_created", "7"), ("resultsbot_post", "8")],
            result.Messages!.Select(m => (m.Metadata?.EventType, m.Metadata?.EventPayload?.DeliveryId)).OrderBy(m => m.DeliveryId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task CallAsync_InvalidBlocks_ComesBackTypedWithSlacksMessages()
    {
        await using var rig = await WebApiRig.StartAsync();
        var body = new JsonObject
        {
            ["channel"] = "C1",
            ["text"] = "x",
            ["blocks"] = new JsonArray(new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = new string('x', 151) } }),
        };

        var result = await rig.Client.CallAsync("chat.postMessage", body, CancellationToken.None);

        Assert.Equal("invalid_blocks", result.Error);
        Assert.Equal(SlackErrorKind.Rejected, result.Kind);
        Assert.Contains(result.Details, d => d.Contains("/blocks/0/text/text", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_SortsSlackErrorsByWhatToDo()
    {
        Assert.Equal(SlackErrorKind.ChannelGone, SlackErrors.Classify("is_archived"));
        Assert.Equal(SlackErrorKind.ChannelGone, SlackErrors.Classify("team_access_not_granted"));
        Assert.Equal(SlackErrorKind.Auth, SlackErrors.Classify("token_revoked"));
        Assert.Equal(SlackErrorKind.Rejected, SlackErrors.Classify("msg_too_long"));
        Assert.Equal(SlackErrorKind.MessageNotFound, SlackErrors.Classify("message_not_found"));
        Assert.Equal(SlackErrorKind.Other, SlackErrors.Classify("fatal_error"));
    }
}
