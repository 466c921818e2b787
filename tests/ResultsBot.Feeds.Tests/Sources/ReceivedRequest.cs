using System.Net;

namespace ResultsBot.Feeds.Tests.Sources;

/// <summary>One request as the server saw it, and what it answered.</summary>
internal sealed record ReceivedRequest(string Path, string Host, string? IfNoneMatch, string? IfModifiedSince, HttpStatusCode Answered);
