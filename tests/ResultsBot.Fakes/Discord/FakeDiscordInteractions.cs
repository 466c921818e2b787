using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ResultsBot.Fakes.Discord;

/// <summary>
/// Discord's REST side of interactions, as the docs describe it: interaction callbacks (once only, within
/// 3 seconds, else 404 "Unknown interaction" 10062), webhook follow-ups, edits of @original, and the bulk
/// overwrite of application commands (validated against the documented limits). Tests make interactions
/// here and hand them to the bot through <see cref="FakeDiscordGateway"/> or a signed POST.
/// </summary>
public sealed partial class FakeDiscordInteractions(TimeProvider? time = null) : IFakeRoutes
{
    public static readonly TimeSpan CallbackDeadline = TimeSpan.FromSeconds(3);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, FakeDiscordInteractionsExchange> _byId = new();
    private readonly ConcurrentDictionary<string, FakeDiscordInteractionsExchange> _byToken = new();
    private readonly ConcurrentQueue<FakeDiscordInteractionsRegistration> _registrations = new();
    private long _nextId = 1_200_000_000_000_000_000;

    public string BotToken { get; set; } = "fake-bot-token";

    public string ApplicationId { get; set; } = "1100000000000000001";

    /// <summary>
    /// The installation contexts the app supports, as set in the Developer Portal (0 server install, 1 user install):
    /// a command asking for another is refused, as Discord refuses it.
    /// </summary>
    public IReadOnlySet<int> SupportedIntegrationTypes { get; set; } = new HashSet<int> { 0 };

    /// <summary>The largest file an interaction response or webhook message may upload (413, 40005 above it).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    public IReadOnlyList<FakeDiscordInteractionsRegistration> Registrations => [.. _registrations];

    /// <summary>Why the last refused registration was refused (Discord's 400 body), for test messages.</summary>
    public string? LastRegistrationError { get; private set; }

    /// <summary>
    /// The global commands Discord's command picker offers someone who installed the app to their own account
    /// (integration type 1), in the interaction context given (1 the bot's DM, 2 a DM or group DM with others), as the
    /// app last registered them. As Discord defaults them: no integration_types means the app's supported ones, no
    /// contexts means every context.
    /// </summary>
    public IReadOnlyList<string> OfferedToUserInstalls(int context)
    {
        var global = _registrations.LastOrDefault(r => r.GuildId is null);
        return global is null
            ? []
            : [.. global.Commands.OfType<JsonObject>()
                .Where(c => (c["integration_types"] is { } types ? Ints(types) ?? [] : [.. SupportedIntegrationTypes]).Contains(1))
                .Where(c => c["contexts"] is not { } contexts || (Ints(contexts) ?? []).Contains(context))
                .Select(c => c["name"]!.ToString())];
    }

    /// <summary>A slash command (type 2) as a guild member with these permission bits ("16" = Manage Channels) would send it.</summary>
    public FakeDiscordInteractionsExchange SlashCommand(
        string name,
        IReadOnlyDictionary<string, string>? options = null,
        string userId = "2001",
        string permissions = "0",
        string channelId = "3001",
        string? guildId = null)
    {
        var optionArray = new JsonArray();
        foreach (var (key, value) in options ?? new Dictionary<string, string>())
        {
            optionArray.Add(new JsonObject { ["name"] = key, ["type"] = 3, ["value"] = value });
        }

        var exchange = Create(2, new JsonObject { ["id"] = NextId(), ["name"] = name, ["type"] = 1, ["options"] = optionArray }, userId, permissions, channelId);
        if (guildId is not null)
        {
            exchange.Payload["guild_id"] = guildId; // a server on another Gateway shard
        }

        return exchange;
    }

    /// <summary>
    /// A slash command from someone who installed the app to their own account, typed in a DM with a friend: no
    /// server and no member, the user instead, context PRIVATE_CHANNEL (2), the install owned by that user.
    /// </summary>
    public FakeDiscordInteractionsExchange UserInstalledCommandInADm(string name, IReadOnlyDictionary<string, string>? options = null, string userId = "2001", string channelId = "5001")
    {
        var exchange = SlashCommand(name, options, userId, "0", channelId);
        var payload = exchange.Payload;
        payload.Remove("guild_id");
        payload.Remove("member");
        payload["user"] = new JsonObject { ["id"] = userId, ["username"] = "user" + userId, ["discriminator"] = "0" };
        payload["channel"] = new JsonObject { ["id"] = channelId, ["type"] = 1 };
        payload["context"] = 2;
        payload["authorizing_integration_owners"] = new JsonObject { ["1"] = userId };
        return exchange;
    }

    /// <summary>An autocomplete request (type 4) while <paramref name="option"/> is being typed.</summary>
    public FakeDiscordInteractionsExchange Autocomplete(string name, string option, string partial, string userId = "2001", string channelId = "3001")
    {
        var options = new JsonArray { new JsonObject { ["name"] = option, ["type"] = 3, ["value"] = partial, ["focused"] = true } };
        return Create(4, new JsonObject { ["id"] = NextId(), ["name"] = name, ["type"] = 1, ["options"] = options }, userId, "0", channelId);
    }

    /// <summary>
    /// A member pressing the button labelled <paramref name="label"/> under <paramref name="message"/> (a message object
    /// as Discord returns it: a channel post, or an interaction's response): a MESSAGE_COMPONENT interaction (type 3)
    /// with data {custom_id, component_type 2} and the message, as Discord sends it. Discord only sends presses of
    /// buttons that are there and enabled, so asking for another throws.
    /// </summary>
    public FakeDiscordInteractionsExchange PressButton(JsonObject message, string label, string userId = "2001", string permissions = "0", string? channelId = null)
    {
        var button = FakeDiscordButtons.Of(message["components"]).FirstOrDefault(b => b.Label == label);
        if (button.CustomId is null || button.Disabled)
        {
            throw new InvalidOperationException($"The message has no enabled button labelled \"{label}\"; Discord could not send that press.");
        }

        return PressButtonWithId(message, button.CustomId, userId, permissions, channelId);
    }

    /// <summary>
    /// A press carrying <paramref name="customId"/> whatever the message holds: what a button an older version of the
    /// bot left on a message sends, for testing what the bot says to an id it does not know.
    /// </summary>
    public FakeDiscordInteractionsExchange PressButtonWithId(JsonObject message, string customId, string userId = "2001", string permissions = "0", string? channelId = null)
    {
        var data = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        var exchange = Create(3, data, userId, permissions, channelId ?? (string?)message["channel_id"] ?? "3001");
        exchange.Payload["message"] = message.DeepClone();
        return exchange;
    }

    /// <summary>The message object an interaction's first response became, as Discord sends it with a press of one of its buttons.</summary>
    public static JsonObject ResponseMessage(FakeDiscordInteractionsExchange exchange)
    {
        var data = exchange.Callback.IsCompletedSuccessfully ? exchange.Callback.Result.Data : null;
        var message = data?.DeepClone().AsObject() ?? [];
        message["id"] = exchange.Id;
        message["channel_id"] = (string?)exchange.Payload["channel_id"];
        message["type"] = 20;
        message["interaction_metadata"] = new JsonObject { ["id"] = exchange.Id, ["type"] = exchange.Payload["type"]!.DeepClone() };
        return message;
    }

    /// <summary>The PING Discord sends to check an Interactions Endpoint.</summary>
    public FakeDiscordInteractionsExchange Ping() => Create(1, null, null, null, null);

    /// <summary>
    /// Delivers <paramref name="exchange"/> to a bot's Interactions Endpoint as Discord does: a signed POST whose
    /// HTTP response is the interaction's callback (recorded, with the same 3-second deadline). Returns the HTTP status.
    /// </summary>
    public async Task<int> DeliverToEndpointAsync(HttpClient http, Uri endpoint, FakeDiscordInteractionsExchange exchange, FakeDiscordInteractionsSigner signer)
    {
        var body = exchange.Payload.ToJsonString();
        using var request = signer.SignedRequest(endpoint, body, _time.GetUtcNow());
        using var response = await http.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status == 200 && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is JsonObject callback
            && callback["type"] is JsonValue type && type.TryGetValue<int>(out var callbackType))
        {
            var elapsed = _time.GetUtcNow() - exchange.CreatedAt;
            var data = callback["data"] as JsonObject;
            var componentOnly = callbackType is 6 or 7 && (int?)exchange.Payload["type"] != 3;
            if (elapsed <= CallbackDeadline && !componentOnly && CheckCallbackData(callbackType, data) is null)
            {
                exchange.TryAccept(new FakeDiscordInteractionsCallback(callbackType, data?.DeepClone().AsObject(), elapsed));
            }
            else
            {
                exchange.Refuse();
            }
        }

        return status;
    }

    public void Map(WebApplication app)
    {
        app.MapPost("/api/v10/interactions/{id}/{token}/callback", CallbackAsync);
        app.MapPost("/api/v10/webhooks/{app}/{token}", FollowUpAsync);
        app.MapPatch("/api/v10/webhooks/{app}/{token}/messages/@original", EditOriginalAsync);
        app.MapDelete("/api/v10/webhooks/{app}/{token}/messages/@original", DeleteOriginalAsync);
        app.MapPut("/api/v10/applications/{app}/commands", (HttpContext context, string app) => RegisterAsync(context, app, null));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (HttpContext context, string app, string guild) => RegisterAsync(context, app, guild));
    }

    /// <summary>Channels that interactions in a server say are announcement channels (type 5); others are text channels (0).</summary>
    public HashSet<string> AnnouncementChannels { get; } = [];

    private FakeDiscordInteractionsExchange Create(int type, JsonObject? data, string? userId, string? permissions, string? channelId)
    {
        var id = NextId();
        var token = "aW50ZXJhY3Rpb24" + Guid.NewGuid().ToString("N");
        var payload = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = ApplicationId,
            ["type"] = type,
            ["token"] = token,
            ["version"] = 1,
        };
        if (data is not null)
        {
            payload["data"] = data;
        }

        if (userId is not null)
        {
            payload["guild_id"] = "4001";
            payload["channel_id"] = channelId;
            payload["channel"] = new JsonObject { ["id"] = channelId, ["type"] = channelId is not null && AnnouncementChannels.Contains(channelId) ? 5 : 0 };
            payload["member"] = new JsonObject
            {
                ["user"] = new JsonObject { ["id"] = userId, ["username"] = "user" + userId, ["discriminator"] = "0" },
                ["permissions"] = permissions,
                ["roles"] = new JsonArray(),
            };
        }

        var exchange = new FakeDiscordInteractionsExchange(id, token, payload, _time.GetUtcNow());
        _byId[id] = exchange;
        _byToken[token] = exchange;
        return exchange;
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private async Task<IResult> CallbackAsync(HttpContext context, string id, string token)
    {
        if (!_byId.TryGetValue(id, out var exchange) || exchange.Token != token)
        {
            return UnknownInteraction();
        }

        var elapsed = _time.GetUtcNow() - exchange.CreatedAt;
        if (elapsed > CallbackDeadline)
        {
            exchange.Refuse();
            return UnknownInteraction();
        }

        var (form, error) = await FakeDiscordForm.ReadAsync(context, MaxUploadBytes);
        if (error is { } refused)
        {
            return Refused(refused);
        }

        var body = form!.Payload as JsonObject;
        if (body?["type"] is not JsonValue typeValue || !typeValue.TryGetValue<int>(out var type) || type is < 1 or > 12)
        {
            return InvalidForm("type: not a valid interaction callback type");
        }

        var data = body["data"] as JsonObject;
        if (type is 6 or 7 && (int?)exchange.Payload["type"] != 3)
        {
            return Results.Json(new { code = 40061, message = "Interaction callback type is only valid for component-based interactions" }, statusCode: 400);
        }

        if (CheckCallbackData(type, data, form.Files.Count) is { } problem)
        {
            return InvalidForm(problem);
        }

        // Files go with the callback's data (a message), its attachments list and attachment:// names in data.
        var (attachments, attachmentError) = (form with { Payload = data }).Attachments([], NextId);
        if (attachmentError is not null)
        {
            return Results.Text(attachmentError.ToJsonString(), "application/json", statusCode: 400);
        }

        if (!exchange.TryAccept(new FakeDiscordInteractionsCallback(type, data?.DeepClone().AsObject(), elapsed) { Attachments = attachments! }))
        {
            return Results.Json(new { code = 40060, message = "Interaction has already been acknowledged." }, statusCode: 400);
        }

        return Results.NoContent();
    }

    private async Task<IResult> FollowUpAsync(HttpContext context, string app, string token)
    {
        if (app != ApplicationId || !_byToken.TryGetValue(token, out var exchange) || !await AcknowledgedAsync(exchange))
        {
            return Results.Json(new { code = 10015, message = "Unknown Webhook" }, statusCode: 404);
        }

        var (form, error) = await FakeDiscordForm.ReadAsync(context, MaxUploadBytes);
        if (error is { } refused)
        {
            return Refused(refused);
        }

        if (form!.Payload is not JsonObject body)
        {
            return InvalidForm("body: not a JSON object");
        }

        if (CheckMessage(body, form.Files.Count) is { } problem)
        {
            return InvalidForm(problem);
        }

        var (attachments, attachmentError) = form.Attachments([], NextId);
        if (attachmentError is not null)
        {
            return Results.Text(attachmentError.ToJsonString(), "application/json", statusCode: 400);
        }

        exchange.AddFollowUp(body, attachments!);
        return Results.Json(MessageObject(body, attachments!, exchange.Id));
    }

    private async Task<IResult> EditOriginalAsync(HttpContext context, string app, string token)
    {
        if (app != ApplicationId || !_byToken.TryGetValue(token, out var exchange) || !await AcknowledgedAsync(exchange)
            || exchange.Callback.Result.Type is not (4 or 5 or 6 or 7))
        {
            return Results.Json(new { code = 10008, message = "Unknown Message" }, statusCode: 404);
        }

        var (form, error) = await FakeDiscordForm.ReadAsync(context, MaxUploadBytes);
        if (error is { } refused)
        {
            return Refused(refused);
        }

        if (form!.Payload is not JsonObject body)
        {
            return InvalidForm("body: not a JSON object");
        }

        // An edit may carry only files or an attachments list (the message keeps its content), but not nothing.
        if (CheckMessage(body, form.Files.Count + (body.ContainsKey("attachments") ? 1 : 0)) is { } problem)
        {
            return InvalidForm(problem);
        }

        var (attachments, attachmentError) = form.Attachments(exchange.OriginalAttachments, NextId);
        if (attachmentError is not null)
        {
            return Results.Text(attachmentError.ToJsonString(), "application/json", statusCode: 400);
        }

        exchange.AddEdit(body, attachments!);
        return Results.Json(MessageObject(body, attachments!, exchange.Id));
    }

    private async Task<IResult> DeleteOriginalAsync(string app, string token)
    {
        if (app != ApplicationId || !_byToken.TryGetValue(token, out var exchange) || !await AcknowledgedAsync(exchange)
            || exchange.Callback.Result.Type is not (4 or 5) || exchange.OriginalDeleted)
        {
            return Results.Json(new { code = 10008, message = "Unknown Message" }, statusCode: 404);
        }

        exchange.DeleteOriginal();
        return Results.NoContent();
    }

    private async Task<IResult> RegisterAsync(HttpContext context, string app, string? guild)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bot " + BotToken)
        {
            return Results.Json(new { code = 0, message = "401: Unauthorized" }, statusCode: 401);
        }

        if (app != ApplicationId)
        {
            return Results.Json(new { code = 50035, message = "Invalid Form Body" }, statusCode: 400);
        }

        var body = await ReadJsonAsync(context, array: true);
        if (body is not JsonArray commands)
        {
            return InvalidForm("body: must be an array of commands");
        }

        if ((CheckCommands(commands) ?? CheckContexts(commands, guild is not null)) is { } problem)
        {
            LastRegistrationError = problem;
            return InvalidForm(problem);
        }

        _registrations.Enqueue(new FakeDiscordInteractionsRegistration(app, guild, commands));
        var answer = new JsonArray();
        foreach (var command in commands.OfType<JsonObject>())
        {
            var registered = command.DeepClone().AsObject();
            registered["id"] = NextId();
            registered["application_id"] = app;
            registered["version"] = NextId();
            if (guild is not null)
            {
                registered["guild_id"] = guild;
            }

            answer.Add(registered);
        }

        return Results.Text(answer.ToJsonString(), "application/json");
    }

    /// <summary>
    /// Over the Interactions Endpoint the callback is the HTTP response, which the fake records a moment after the
    /// bot has sent it: a follow-up racing that gets a short grace, as Discord has the response by then.
    /// </summary>
    private static async Task<bool> AcknowledgedAsync(FakeDiscordInteractionsExchange exchange)
    {
        if (!exchange.IsAcknowledged)
        {
            await Task.WhenAny(exchange.Callback, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        return exchange.IsAcknowledged;
    }

    private static string? CheckCallbackData(int type, JsonObject? data, int files = 0)
    {
        if (type == 4 && (data is null || CheckMessage(data, files) is not null))
        {
            return data is null ? "data: required for a channel message" : CheckMessage(data, files);
        }

        // UPDATE_MESSAGE edits the message the button is on: its data is that message's new content, checked as any.
        if (type == 7 && data is not null && CheckMessage(data, files + (data.ContainsKey("components") ? 1 : 0)) is { } updateProblem)
        {
            return updateProblem;
        }

        if (type == 8)
        {
            if (data?["choices"] is not JsonArray choices)
            {
                return "data.choices: required";
            }

            if (choices.Count > 25)
            {
                return "data.choices: must be 25 or fewer in length";
            }

            foreach (var choice in choices)
            {
                var name = choice?["name"]?.ToString() ?? "";
                var value = choice?["value"]?.ToString() ?? "";
                if (name.Length is < 1 or > 100 || value.Length > 100)
                {
                    return "data.choices: name 1-100 and value up to 100 characters";
                }
            }
        }

        return null;
    }

    private static string? CheckMessage(JsonObject message, int files = 0)
    {
        if (DiscordComponentRules.Check(message["components"]) is { } components)
        {
            return components;
        }

        var content = message["content"]?.ToString() ?? "";
        if (content.Length > 2000)
        {
            return "content: must be 2000 or fewer in length";
        }

        if (message["attachments"] is JsonArray attachments
            && attachments.Any(a => ((string?)a?["description"])?.Length > DiscordAttachmentLimits.MaxDescription))
        {
            return $"attachments.description: must be {DiscordAttachmentLimits.MaxDescription} or fewer in length";
        }

        if (content.Length == 0 && message["embeds"] is null && files == 0)
        {
            return "content: cannot send an empty message (code 50006)";
        }

        return null;
    }

    private string? CheckContexts(JsonArray commands, bool guildScoped)
    {
        foreach (var command in commands.OfType<JsonObject>())
        {
            var name = command["name"]?.ToString();
            if (command["integration_types"] is { } types)
            {
                if (Ints(types) is not { Count: > 0 } values || values.Any(v => v is not (0 or 1)))
                {
                    return $"{name}.integration_types: must be a list of 0 (GUILD_INSTALL) and 1 (USER_INSTALL)";
                }

                if (values.FirstOrDefault(v => !SupportedIntegrationTypes.Contains(v)) is var unsupported && !SupportedIntegrationTypes.Contains(unsupported))
                {
                    return $"{name}.integration_types: the application does not support installation context {unsupported}";
                }
            }

            if (command["contexts"] is { } contexts)
            {
                if (Ints(contexts) is not { Count: > 0 } values || values.Any(v => v is not (0 or 1 or 2)))
                {
                    return $"{name}.contexts: must be a list of 0 (GUILD), 1 (BOT_DM) and 2 (PRIVATE_CHANNEL)";
                }

                if (guildScoped && values.Contains(1))
                {
                    return $"{name}.contexts: guild commands do not support BOT_DM";
                }
            }
        }

        return null;
    }

    private static List<int>? Ints(JsonNode node) =>
        node is JsonArray array && array.All(n => n is JsonValue v && v.TryGetValue<int>(out _)) ? [.. array.Select(n => n!.GetValue<int>())] : null;

    private static string? CheckCommands(JsonArray commands)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in commands)
        {
            if (node is not JsonObject command)
            {
                return "commands: each must be an object";
            }

            var name = command["name"]?.ToString() ?? "";
            var type = command["type"] is JsonValue t && t.TryGetValue<int>(out var value) ? value : 1;
            if (!ValidName(name))
            {
                return $"name '{name}': must match ^[-_\\p{{L}}\\p{{N}}]{{1,32}}$ in lower case";
            }

            if (!names.Add(name))
            {
                return $"name '{name}': application command names must be unique";
            }

            if (type == 1 && !ValidDescription(command["description"]))
            {
                return $"{name}.description: must be 1-100 characters";
            }

            if (command["default_member_permissions"] is { } permissions && (permissions.GetValueKind() != JsonValueKind.String || !ulong.TryParse(permissions.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return $"{name}.default_member_permissions: must be a string of a permission bit set";
            }

            if (command["options"] is JsonArray options && CheckOptions(name, options) is { } problem)
            {
                return problem;
            }
        }

        return commands.Count > 100 ? "commands: at most 100 chat input commands" : null;
    }

    private static string? CheckOptions(string command, JsonArray options)
    {
        if (options.Count > 25)
        {
            return $"{command}.options: must be 25 or fewer in length";
        }

        var seenOptional = false;
        foreach (var option in options.OfType<JsonObject>())
        {
            var name = option["name"]?.ToString() ?? "";
            if (!ValidName(name))
            {
                return $"{command}.options '{name}': bad name";
            }

            if (!ValidDescription(option["description"]))
            {
                return $"{command}.{name}.description: must be 1-100 characters";
            }

            var type = option["type"] is JsonValue t && t.TryGetValue<int>(out var value) ? value : 0;
            if (type is < 1 or > 11)
            {
                return $"{command}.{name}.type: not an option type";
            }

            var required = option["required"] is JsonValue r && r.TryGetValue<bool>(out var on) && on;
            if (required && seenOptional)
            {
                return $"{command}.{name}: required options must be placed before non-required options";
            }

            seenOptional |= !required;
            if (option["autocomplete"] is JsonValue a && a.TryGetValue<bool>(out var completes) && completes && type is not (3 or 4 or 10))
            {
                return $"{command}.{name}.autocomplete: only string, integer and number options autocomplete";
            }
        }

        return null;
    }

    private static bool ValidName(string name) => NamePattern().IsMatch(name) && !name.Any(char.IsUpper);

    private static bool ValidDescription(JsonNode? description) => description?.ToString() is { Length: >= 1 and <= 100 };

    private JsonObject MessageObject(JsonObject body, IReadOnlyList<FakeDiscordAttachment> attachments, string channelId)
    {
        var message = body.DeepClone().AsObject();
        message["id"] = NextId();
        message["type"] = 0;
        message["attachments"] = FakeDiscordForm.ToJson(attachments, channelId);
        return message;
    }

    private static IResult Refused((int Status, JsonNode Body) error) => Results.Text(error.Body.ToJsonString(), "application/json", statusCode: error.Status);

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext context, bool array = false)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body);
            return array ? node as JsonArray : node as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult UnknownInteraction() => Results.Json(new { code = 10062, message = "Unknown interaction" }, statusCode: 404);

    private static IResult InvalidForm(string problem) => Results.Json(new { code = 50035, message = "Invalid Form Body", errors = problem }, statusCode: 400);

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
