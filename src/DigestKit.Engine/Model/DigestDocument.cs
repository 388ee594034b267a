namespace DigestKit.Engine
{
    // The digest model. Every type here is immutable with structural equality (records, EquatableArray),
    // and every value read from the text carries the span it was read from.

    /// <summary>A whole digest: its front matter (null when the file has none) and its papers in file order.</summary>
    public sealed record DigestDocument(
        string Path,
        FrontMatter? FrontMatter,
        EquatableArray<Paper> Papers,
        int TextLength)
    {
        /// <summary>The file is not text (DK2012): nothing was read from it and no rule runs on it.</summary>
        public bool IsNotText { get; init; }
    }
}
