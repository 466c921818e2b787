using System.Xml;

namespace ResultsBot.Feeds.Pa;

/// <summary>
/// An XmlReader that stops, with <see cref="NestedTooDeepException"/>, at the first node deeper than the limit.
/// XDocument.Load reads through it, so a hostile file nested thousands deep is refused after 64 levels
/// in the one pass that loads the document, rather than in a second streaming pass over every file first
/// (which was a tenth of the night's ingest).
/// </summary>
internal sealed class DepthLimitedReader(XmlReader inner, int limit) : XmlReader
{
    public override bool Read()
    {
        var read = inner.Read();
        if (read && inner.Depth > limit)
        {
            throw new NestedTooDeepException();
        }

        return read;
    }

    public override int AttributeCount => inner.AttributeCount;

    public override string BaseURI => inner.BaseURI;

    public override int Depth => inner.Depth;

    public override bool EOF => inner.EOF;

    public override bool IsEmptyElement => inner.IsEmptyElement;

    public override string LocalName => inner.LocalName;

    public override string NamespaceURI => inner.NamespaceURI;

    public override XmlNameTable NameTable => inner.NameTable;

    public override XmlNodeType NodeType => inner.NodeType;

    public override string Prefix => inner.Prefix;

    public override ReadState ReadState => inner.ReadState;

    public override string Value => inner.Value;

    public override string GetAttribute(int i) => inner.GetAttribute(i);

    public override string? GetAttribute(string name) => inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

    public override bool MoveToElement() => inner.MoveToElement();

    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => inner.ReadAttributeValue();

    public override void ResolveEntity() => inner.ResolveEntity();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The document is nested deeper than the limit; nothing of it is kept.</summary>
    internal sealed class NestedTooDeepException() : Exception("elements are nested too deep");
}
