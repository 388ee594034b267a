namespace DigestKit.Engine
{
    /// <summary>
    /// An arXiv identifier: new style <c>YYMM.NNNNN</c> (<see cref="Archive"/> null) or old style
    /// <c>archive/YYMMNNN</c>, with an optional version. <see cref="Id"/> is the identifier without version.
    /// </summary>
    public sealed record ArxivId(string Id, string? Archive, int Year, int Month, string Number, int? Version, SourceSpan Span)
    {
        public override string ToString() => Version is { } v ? Id + "v" + v : Id;
    }
}
