using System.Text;
using System.Text.Json;
using ResultsBot.Fakes.Slack;
using ResultsBot.Slack.Posts;
using ResultsBot.Slack.WebApi;
using ResultsBot.Slack.Wire;

namespace ResultsBot.Slack.Tests;

/// <summary>
/// The wire as Slack sees it: every body goes through the one source-generated context in snake_case, nulls left
/// out, each block's "type" first; answers and frames are read whatever Slack adds to them.
/// </summary>
public sealed class SlackJsonContextTests
{
    [Fact]
    public void ChatPostMessage_AllBlockKinds_AreWrittenByteForByte()
    {
        var message = new SlackMessageBody("Labour hold Hull & more", [
            new HeaderBlock(SlackTextObject.Plain("Labour hold Hull")),
            new SectionBlock(Fields: [SlackTextObject.Plain("Seats\nLab 30")]),
            new SectionBlock(SlackTextObject.Mrkdwn("```table```")),
            new DividerBlock(),
            new ImageBlock(new SlackFileReference("F1"), "A map"),
            new ContextBlock([SlackTextObject.Plain("PA Media")]),
        ]);
        var request = message.ToRequest("C1") with { ThreadTs = "1.2", Metadata = new MessageMetadata("resultsbot_post", new PostMetadataPayload("d-7")) };

        var json = JsonSerializer.Serialize(request, SlackJsonContext.Default.ChatMessageRequest);

        Assert.Equal(
            """{"channel":"C1","text":"Labour hold Hull \u0026 more","blocks":[{"type":"header","text":{"type":"plain_text","text":"Labour hold Hull","emoji":false}},{"type":"section","fields":[{"type":"plain_text","text":"Seats\nLab 30","emoji":false}]},{"type":"section","text":{"type":"mrkdwn","text":"\u0060\u0060\u0060table\u0060\u0060\u0060","verbatim":true}},{"type":"divider"},{"type":"image","slack_file":{"id":"F1"},"alt_text":"A map"},{"type":"context","elements":[{"type":"plain_text","text":"PA Media","emoji":false}]}],"mrkdwn":false,"unfurl_links":false,"unfurl_media":false,"thread_ts":"1.2","metadata":{"event_type":"resultsbot_post","event_payload":{"delivery_id":"d-7"}}}""",
            json);
    }

    [Fact]
    public void ChatMessage_WithoutBlocks_LeavesThemOutAndTheProbeFindsNothingLive()
    {
        var body = SlackNoteRenderer.Render("").ToJson("C1");

        Assert.False(body.ContainsKey("blocks"));
        Assert.Empty(SlackPayloadProbe.LiveMarkup(body));
    }

    [Fact]
    public void SocketFrame_UnknownFieldsAndNumbersAsText_AreRead()
    {
        const string Frame = """{"envelope_id":"e1","type":"slash_commands","accepts_response_payload":true,"retry_attempt":"2","retry_reason":"timeout","new_field":{"x":[1,2]},"payload":{"command":"/results","text":"council Hull","user_id":"U1","channel_id":"C1","team_id":"T1","response_url":"https://hooks.example/r","is_enterprise_install":"false","api_app_id":"A1"}}""";

        var frame = JsonSerializer.Deserialize(Frame, SlackJsonContext.Default.SocketFrame)!;
        var envelope = new SocketMode.SocketEnvelope(frame.EnvelopeId!, frame.Type!, frame.Payload, frame.AcceptsResponsePayload, frame.RetryAttempt);

        Assert.Equal(("e1", "slash_commands", true, 2), (envelope.EnvelopeId, envelope.Type, envelope.AcceptsResponsePayload, envelope.RetryAttempt));
        Assert.Equal(new Commands.SlashCommand("/results", "council Hull", "U1", "C1", "T1", "https://hooks.example/r", null), envelope.Command());
    }

    [Fact]
    public void SocketEnvelope_EventsAndInteractions_SayWhatTheyAreAbout()
    {
        var events = JsonSerializer.Deserialize("""{"envelope_id":"e2","type":"events_api","payload":{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"app_mention","channel":"C1","user":"U1"}}}""", SlackJsonContext.Default.SocketFrame)!;
        var click = JsonSerializer.Deserialize("""{"envelope_id":"e3","type":"interactive","payload":{"type":"block_actions","user":{"id":"U1"},"trigger_id":"t"}}""", SlackJsonContext.Default.SocketFrame)!;

        Assert.Equal("app_mention", new SocketMode.SocketEnvelope("e2", events.Type!, events.Payload, false, 0).Subject());
        Assert.Equal("block_actions", new SocketMode.SocketEnvelope("e3", click.Type!, click.Payload, false, 0).Subject());
        Assert.Null(new SocketMode.SocketEnvelope("e3", click.Type!, click.Payload, false, 0).Command());
    }

    [Fact]
    public void ApiAnswer_ErrorWithSlacksReasons_IsTyped()
    {
        var answer = JsonSerializer.Deserialize("""{"ok":false,"error":"invalid_blocks","errors":["x"],"response_metadata":{"messages":["[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]"],"warnings":["missing_charset"]}}""", SlackJsonContext.Default.ChatMessageResponse)!;

        Assert.Equal(SlackErrorKind.Rejected, answer.Kind);
        Assert.Equal("chat.postMessage failed: invalid_blocks ([ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]; missing_charset)", answer.Describe("chat.postMessage"));
    }

    [Fact]
    public void ApiAnswer_RefusalWithoutACode_SaysUnknownError()
    {
        var refused = JsonSerializer.Deserialize("""{"ok":false}""", SlackJsonContext.Default.SlackApiResponse)!;
        var fine = JsonSerializer.Deserialize("""{"ok":true,"error":"stray"}""", SlackJsonContext.Default.SlackApiResponse)!;

        Assert.Equal(("unknown_error", SlackErrorKind.Other), (refused.Error, refused.Kind));
        Assert.Null(fine.Error);
    }

    [Fact]
    public void ApiAnswer_WithoutOk_IsNoAnswer()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Encoding.UTF8.GetBytes("""{"ts":"1.2"}"""), SlackJsonContext.Default.ChatMessageResponse));
    }
}
