using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ResultsBot.Fakes.Slack;

/// <summary>The methods themselves: arguments checked, state changed under the lock, Slack's answer shapes.</summary>
public sealed partial class FakeSlackWebApi
{
    /// <summary>Slack's own cap on a message's text: past it, msg_too_long.</summary>
    private const int MaxTextLength = 40_000;

    private async Task<IResult> HandleAsync(HttpContext context, string method)
    {
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }

        if (ServerErrors)
        {
            return Results.Text("<html><body>Service Unavailable</body></html>", "text/html", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        lock (_gate)
        {
            if (_stormLeft > 0)
            {
                _stormLeft--;
                return RateLimitedReply(context, RetryAfterSeconds);
            }
        }

        var request = await FakeSlackRequest.ReadAsync(context.Request);
        if (request.BodyError is { } bodyError)
        {
            return Reply(Error(bodyError), request);
        }

        if (method == "views.publish")
        {
            CountViewsCall(TokenTeam(context, request));
        }

        if (method == "oauth.v2.access")
        {
            // Authenticated by the app's client id and secret, not a token.
            return Reply(Access(context, request), request);
        }

        if (AuthError(context, request) is { } authError)
        {
            return Reply(Error(authError), request);
        }

        if (WorkspaceError(context, request, method) is { } refusal)
        {
            return refusal;
        }

        if (MissingScope(method) is { } needed)
        {
            return Reply(MissingScopeError(needed), request);
        }

        if (method.StartsWith("files.", StringComparison.Ordinal))
        {
            lock (_gate)
            {
                if (!TakeFileTurn(method, out var wait))
                {
                    return RateLimitedReply(context, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
                }
            }
        }

        if (method == "views.publish")
        {
            var team = TokenTeam(context, request);
            lock (_gate)
            {
                if (!TakeViewsTurn(team, out var wait))
                {
                    Interlocked.Increment(ref _viewsRateLimited);
                    return RateLimitedReply(context, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
                }
            }
        }

        if (method == "files.completeUploadExternal")
        {
            return Reply(await CompleteUploadAsync(request, context.RequestAborted), request);
        }

        if (method is "chat.postMessage" or "chat.update" && request.String("channel") is { } channel)
        {
            lock (_gate)
            {
                if (_channels.TryGetValue(channel, out var c) && c.WriteError is null && !c.Pace.TryTake(_time.GetUtcNow(), out var wait))
                {
                    return RateLimitedReply(context, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
                }
            }
        }

        JsonObject answer;
        try
        {
            answer = method switch
            {
                "auth.test" => AuthTest(context, request),
                "chat.postMessage" => PostMessage(request),
                "chat.update" => Update(request),
                "chat.delete" => Delete(request),
                "chat.postEphemeral" => PostEphemeral(request),
                "conversations.history" => History(request),
                "conversations.replies" => Replies(request),
                "files.getUploadURLExternal" => GetUploadUrl(request, context),
                "views.publish" => PublishView(request, TokenTeam(context, request)),
                "files.upload" => Error("method_deprecated"), // retired: new apps must use the external upload flow
                _ => Error("unknown_method"),
            };
        }
        catch (JsonException)
        {
            answer = Error("invalid_arguments");
        }

        return Reply(answer, request);
    }

    private string? AuthError(HttpContext context, FakeSlackRequest request)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : request.FormToken;
        if (string.IsNullOrEmpty(token))
        {
            return "not_authed";
        }

        lock (_gate)
        {
            return InvalidAuth ? "invalid_auth"
                : TokenOwner(token) is not null ? null
                : _revokedTokens.ContainsKey(token) ? "token_revoked"
                : "invalid_auth";
        }
    }

    /// <summary>
    /// A token reaches only its own workspace's channels (another's are channel_not_found, as Slack says for a channel
    /// it cannot see); an OAuth token reads history on distributed apps' terms. Null when the call may go on.
    /// </summary>
    private IResult? WorkspaceError(HttpContext context, FakeSlackRequest request, string method)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : request.FormToken ?? "";
        lock (_gate)
        {
            if (TokenOwner(token) is not var (team, distributed))
            {
                return null;
            }

            var channel = request.String("channel") ?? request.String("channel_id");
            if (channel is not null && _channels.ContainsKey(channel) && _channelTeams.GetValueOrDefault(channel, TeamId) != team)
            {
                return Reply(Error("channel_not_found"), request);
            }

            if (distributed && method is "conversations.history" or "conversations.replies")
            {
                request.LimitCap = DistributedHistoryLimit;
                if (!TakeHistoryTurn(team, method, out var wait))
                {
                    return RateLimitedReply(context, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
                }
            }

            return null;
        }
    }

    /// <summary>The workspace of the (already checked) token the call came with.</summary>
    private string TokenTeam(HttpContext context, FakeSlackRequest request)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : request.FormToken ?? "";
        lock (_gate)
        {
            return TokenOwner(token)?.Team ?? _revokedTokens.GetValueOrDefault(token) ?? TeamId;
        }
    }

    /// <summary>Who the token is: the default workspace's bot, or the bot of the workspace an OAuth token was issued for.</summary>
    private JsonObject AuthTest(HttpContext context, FakeSlackRequest request)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : request.FormToken ?? "";
        FakeSlackTeam? team;
        lock (_gate)
        {
            team = TokenOwner(token) is ({ } id, true) ? _teams[id] : null;
        }

        return new()
        {
            ["ok"] = true,
            ["url"] = team is null ? "https://fake-team.slack.com/" : $"https://{team.Id.ToLowerInvariant()}.slack.com/",
            ["team"] = team?.Name ?? "Fake Team",
            ["user"] = "resultsbot",
            ["team_id"] = team?.Id ?? TeamId,
            ["user_id"] = team?.BotUserId ?? BotUserId,
            ["bot_id"] = BotId,
            ["is_enterprise_install"] = false,
        };
    }

    private JsonObject PostMessage(FakeSlackRequest request)
    {
        if (CheckBody(request) is { } invalid)
        {
            return invalid;
        }

        var metadata = request.Json("metadata");
        if (metadata is not null && (metadata is not JsonObject m || m["event_type"] is null || m["event_payload"] is not JsonObject))
        {
            return Error("invalid_metadata_format");
        }

        lock (_gate)
        {
            if (Channel(request.String("channel"), write: true, out var channel) is { } channelError)
            {
                return Error(channelError);
            }

            var threadTs = request.Has("thread_ts") ? request.String("thread_ts") : null;
            if (threadTs is not null)
            {
                var parent = channel.Messages.FindIndex(x => x.Ts == threadTs && !x.IsReply);
                if (parent < 0)
                {
                    // Slack posts a reply to an unknown ts as a top-level message; it does not fail.
                    threadTs = null;
                }
                else
                {
                    channel.Messages[parent] = channel.Messages[parent] with { ThreadTs = threadTs };
                }
            }

            var message = new FakeSlackMessage(
                channel.Id,
                NextTs(),
                request.String("text"),
                request.Json("blocks") as JsonArray,
                threadTs,
                (JsonObject?)metadata?.DeepClone(),
                null,
                (request.Bool("unfurl_links"), request.Bool("unfurl_media")))
            {
                Images = ImagesOf(request.Json("blocks") as JsonArray),
            };
            channel.Messages.Add(message);
            return new JsonObject
            {
                ["ok"] = true,
                ["channel"] = channel.Id,
                ["ts"] = message.Ts,
                ["message"] = message.ToJson(BotUserId, BotId, withMetadata: true, replyCount: 0),
            };
        }
    }

    /// <summary>chat.delete: the message goes; Slack answers with its channel and ts.</summary>
    private JsonObject Delete(FakeSlackRequest request)
    {
        lock (_gate)
        {
            if (Channel(request.String("channel"), write: true, out var channel) is { } channelError)
            {
                return Error(channelError);
            }

            var index = channel.Messages.FindIndex(x => x.Ts == request.String("ts"));
            if (index < 0)
            {
                return Error("message_not_found");
            }

            channel.Messages.RemoveAt(index);
            return new JsonObject { ["ok"] = true, ["channel"] = channel.Id, ["ts"] = request.String("ts") };
        }
    }

    private JsonObject Update(FakeSlackRequest request)
    {
        if (!request.Has("ts"))
        {
            return Error("message_not_found");
        }

        if (CheckBody(request) is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            if (Channel(request.String("channel"), write: true, out var channel) is { } channelError)
            {
                return Error(channelError);
            }

            var index = channel.Messages.FindIndex(x => x.Ts == request.String("ts"));
            if (index < 0)
            {
                return Error("message_not_found");
            }

            var edited = channel.Messages[index] with
            {
                Text = request.String("text"),
                // Slack keeps a message's blocks when an update does not mention them.
                Blocks = request.Has("blocks") ? request.Json("blocks") as JsonArray : channel.Messages[index].Blocks,
                EditedTs = NextTs(),
                Metadata = request.Json("metadata") is JsonObject metadata ? (JsonObject)metadata.DeepClone() : channel.Messages[index].Metadata,
                Images = request.Has("blocks") ? ImagesOf(request.Json("blocks") as JsonArray) : channel.Messages[index].Images,
            };
            channel.Messages[index] = edited;
            return new JsonObject
            {
                ["ok"] = true,
                ["channel"] = channel.Id,
                ["ts"] = edited.Ts,
                ["text"] = edited.Text ?? "",
                ["message"] = edited.ToJson(BotUserId, BotId, withMetadata: false, replyCount: 0),
            };
        }
    }

    private JsonObject PostEphemeral(FakeSlackRequest request)
    {
        if (!request.Has("user"))
        {
            return Error("user_not_in_channel");
        }

        if (CheckBody(request) is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            if (Channel(request.String("channel"), write: true, out var channel) is { } channelError)
            {
                return Error(channelError);
            }

            var ts = NextTs();
            _ephemerals.Add(new JsonObject
            {
                ["channel"] = channel.Id,
                ["user"] = request.String("user"),
                ["text"] = request.String("text"),
                ["blocks"] = request.Json("blocks")?.DeepClone(),
                ["message_ts"] = ts,
            });
            return new JsonObject { ["ok"] = true, ["message_ts"] = ts };
        }
    }

    private JsonObject History(FakeSlackRequest request)
    {
        var limit = Math.Clamp(Math.Min(request.Int("limit") ?? 100, request.LimitCap ?? int.MaxValue), 1, 999);
        var withMetadata = request.Bool("include_all_metadata") ?? false;
        lock (_gate)
        {
            if (Channel(request.String("channel"), write: false, out var channel) is { } channelError)
            {
                return Error(channelError);
            }

            var topLevel = channel.Messages.Where(m => !m.IsReply).Reverse().ToList();
            var page = topLevel.Take(limit)
                .Select(m => (JsonNode)m.ToJson(BotUserId, BotId, withMetadata, channel.Messages.Count(r => r.IsReply && r.ThreadTs == m.Ts)));
            return new JsonObject
            {
                ["ok"] = true,
                ["messages"] = new JsonArray([.. page]),
                ["has_more"] = topLevel.Count > limit,
                ["pin_count"] = 0,
                ["channel_actions_ts"] = null,
                ["channel_actions_count"] = 0,
                ["response_metadata"] = new JsonObject { ["next_cursor"] = "" },
            };
        }
    }

    private JsonObject Replies(FakeSlackRequest request)
    {
        var limit = Math.Clamp(Math.Min(request.Int("limit") ?? 1000, request.LimitCap ?? int.MaxValue), 1, 1000);
        var withMetadata = request.Bool("include_all_metadata") ?? false;
        lock (_gate)
        {
            if (Channel(request.String("channel"), write: false, out var channel) is { } channelError)
            {
                return Error(channelError);
            }

            var ts = request.String("ts");
            var parent = channel.Messages.FirstOrDefault(m => m.Ts == ts && !m.IsReply);
            if (parent is null)
            {
                return Error("thread_not_found");
            }

            var thread = channel.Messages.Where(m => m.IsReply && m.ThreadTs == parent.Ts).Prepend(parent).Take(limit)
                .Select(m => (JsonNode)m.ToJson(BotUserId, BotId, withMetadata, 0));
            return new JsonObject { ["ok"] = true, ["messages"] = new JsonArray([.. thread]), ["has_more"] = false };
        }
    }

    /// <summary>What chat.postMessage and chat.update require of a message body: text or blocks, within limits.</summary>
    private JsonObject? CheckBody(FakeSlackRequest request)
    {
        if (!request.Has("channel"))
        {
            return Error("channel_not_found");
        }

        var hasBlocks = request.Has("blocks");
        if (!request.Has("text") && !hasBlocks && !request.Has("attachments"))
        {
            return Error("no_text");
        }

        if (request.String("text") is { Length: > MaxTextLength })
        {
            return Error("msg_too_long");
        }

        if (hasBlocks)
        {
            if (!request.Has("text"))
            {
                // Slack takes it but warns: notifications and screen readers have nothing to show.
                request.Warnings.Add("missing_text");
            }

            List<string> problems;
            try
            {
                problems = RejectAllBlocks ? ["[ERROR] refused by the test's switch [json-pointer:/blocks]"] : FakeSlackBlockRules.Check(request.Json("blocks"));
            }
            catch (JsonException)
            {
                return Error("invalid_blocks_format");
            }

            if (problems.Count == 0 && request.Json("blocks") is JsonArray blocks)
            {
                problems = SlackFileProblems(blocks) ?? [];
            }

            if (problems.Count > 0)
            {
                var error = Error("invalid_blocks");
                error["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. problems.Select(p => (JsonNode)p)]) };
                return error;
            }
        }

        return null;
    }

    /// <summary>The channel named, or the error Slack gives for it (caller holds the lock).</summary>
    private string? Channel(string? id, bool write, out FakeSlackChannel channel)
    {
        if (id is null || !_channels.TryGetValue(id, out channel!))
        {
            channel = null!;
            return "channel_not_found";
        }

        return write ? channel.WriteError : channel.ReadError;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private IResult Reply(JsonObject answer, FakeSlackRequest request)
    {
        if (request.Warnings.Count > 0)
        {
            lock (_gate)
            {
                _warnings.AddRange(request.Warnings);
            }

            var metadata = answer["response_metadata"] as JsonObject ?? [];
            metadata["warnings"] = new JsonArray([.. request.Warnings.Select(w => (JsonNode)w)]);
            answer["response_metadata"] = metadata;
            answer["warning"] = string.Join(",", request.Warnings);
        }

        return Results.Text(answer.ToJsonString(), "application/json; charset=utf-8");
    }

    private IResult RateLimitedReply(HttpContext context, int retryAfterSeconds)
    {
        Interlocked.Increment(ref _rateLimited);
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Results.Text(Error("ratelimited").ToJsonString(), "application/json; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
    }
}
