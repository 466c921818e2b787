namespace ResultsBot.Slack.SocketMode;

/// <summary>apps.connections.open's answer: {"ok": true, "url": "wss://…"} or {"ok": false, "error": "invalid_auth"}.</summary>
internal sealed record ConnectionsOpenResponse(bool Ok, string? Url, string? Error);
