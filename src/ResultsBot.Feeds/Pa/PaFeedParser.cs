using System.Xml;
using System.Xml.Linq;
using ResultsBot.Domain.Messages;

namespace ResultsBot.Feeds.Pa;

/// <summary>
/// Reads PA Media's election XML. Hardened for results night: no DTD, no entity expansion, no external
/// resource is ever read, a size cap, and every refusal carries a reason a person can act on.
/// </summary>
public static class PaFeedParser
{
    /// <summary>PA messages are a few kilobytes; anything this large is not one.</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>PA messages are five or six elements deep; a file nested far deeper is refused before it is loaded.</summary>
    public const int MaxDepth = 64;

    private static readonly HashSet<string> KnownButNotRead = new(StringComparer.Ordinal)
    {
        "LocalElectionRush",
        "ReferendumResult", "ReferendumRush",
    };

    private static readonly XmlReaderSettings Settings = RegisterCodePages(new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxDocumentBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    });

    public static ParseOutcome Parse(byte[] content) => Parse(content, "the feed");

    /// <param name="origin">Where the document came from, recorded on messages that say who entered them.</param>
    public static ParseOutcome Parse(byte[] content, string origin)
    {
        if (content.Length == 0)
        {
            return ParseOutcome.Bad("the file is empty");
        }

        if (content.Length > MaxDocumentBytes)
        {
            return ParseOutcome.Bad($"the file is larger than {MaxDocumentBytes:N0} bytes; a PA message is a few kilobytes");
        }

        XElement root;
        try
        {
            // Loading a deeply nested file takes minutes: the reader refuses it at the first node past the limit.
            using var reader = new DepthLimitedReader(XmlReader.Create(new MemoryStream(content, writable: false), Settings), MaxDepth);
            root = XDocument.Load(reader).Root ?? throw new XmlException("no root element");
        }
        catch (DepthLimitedReader.NestedTooDeepException)
        {
            return ParseOutcome.Bad($"elements are nested more than {MaxDepth} deep; a PA message is a few levels deep");
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return ParseOutcome.Bad("it declares a DTD or entities (<!DOCTYPE>), which the bot refuses: no entity is expanded, nothing it points at is read");
        }
        catch (XmlException ex)
        {
            return ParseOutcome.Bad($"not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {FirstSentence(ex.Message)}");
        }

        var type = root.Name.LocalName;
        try
        {
            return type switch
            {
                "LocalElectionResult" => ParseOutcome.Read(LocalResultReader.Read(root)),
                "LocalStateOfParties" => ParseOutcome.Read([StateOfPartiesReader.Read(root)]),
                "LocalElectionNominations" => ParseOutcome.Read(NominationsReader.Read(root)),
                "FirstPastThePostNominations" or "FirstPastThePostRush" or "FirstPastThePostResult"
                    or "TopUpNominations" or "TopUpRush" or "TopUpResult" => ParseOutcome.Read(CandidateReader.Read(root)),
                "FirstPastThePostStateOfParties" or "TopUpStateOfParties" => ParseOutcome.Read([ParliamentStateReader.Read(root)]),
                Ours.NationalShareFormat.RootName => ParseOutcome.Read([Ours.NationalShareFormat.Read(root)]),
                Ours.ReferendumFormat.RootName => ParseOutcome.Read([Ours.ReferendumFormat.Read(root)]),
                _ when KnownButNotRead.Contains(type) => ParseOutcome.Unread(type),
                _ => ParseOutcome.Bad($"unknown message type <{Shorten(type)}>"),
            };
        }
        catch (FeedFormatException ex)
        {
            return ParseOutcome.Bad($"{type}: {ex.Message}");
        }
    }

    // An XML declaration may name windows-1252 or another legacy code page, which .NET reads only once they are registered.
    private static XmlReaderSettings RegisterCodePages(XmlReaderSettings settings)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return settings;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
