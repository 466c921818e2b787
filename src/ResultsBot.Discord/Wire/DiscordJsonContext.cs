using System.Text.Json.Serialization;

namespace ResultsBot.Discord.Wire;

/// <summary>
/// Every Discord payload the bot reads or writes, serialised by generated code (no reflection: Native AOT and
/// trimming stay clean). Snake_case names as Discord spells them; nulls are left out when writing (except where a
/// record says otherwise); unknown fields are skipped when reading, since Discord adds fields. Public so code
/// outside the adapter reads Discord's answers typed too: <c>response.Read(DiscordJsonContext.Default.DiscordUser)</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(List<DiscordMessage>))]
[JsonSerializable(typeof(DiscordError))]
[JsonSerializable(typeof(DiscordUser))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(DiscordThreadList))]
[JsonSerializable(typeof(ForumThreadRequest))]
[JsonSerializable(typeof(ThreadArchiveRequest))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(DiscordInteraction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(AutocompleteResponse))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(GatewayHello))]
[JsonSerializable(typeof(GatewayReady))]
[JsonSerializable(typeof(GatewayCommand<GatewayIdentify>))]
[JsonSerializable(typeof(GatewayCommand<GatewayResume>))]
[JsonSerializable(typeof(GatewayCommand<GatewayPresence>))]
[JsonSerializable(typeof(GatewayCommand<long?>))]
[JsonSerializable(typeof(GatewayBotInfo))]
public sealed partial class DiscordJsonContext : JsonSerializerContext;
