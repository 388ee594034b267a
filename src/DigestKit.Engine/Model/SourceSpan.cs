namespace DigestKit.Engine
{
    /// <summary>
    /// A range of the digest text. <see cref="Start"/> and <see cref="Length"/> are UTF-16 offsets into the
    /// text exactly as it was given to the engine; lines and columns are 1-based as editors show them, and
    /// <see cref="EndColumn"/> is the column just past the last character (exclusive).
    /// Immutable, structural equality.
    /// </summary>
    public readonly record struct SourceSpan(int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
    {
        /// <summary>The empty span at the start of line 1: where a finding about the whole file goes.</summary>
        public static readonly SourceSpan FileStart = new SourceSpan(0, 0, 1, 1, 1, 1);

        public int End => Start + Length;

        public bool IsEmpty => Length == 0;

        public override string ToString() => $"({Line},{Column},{EndLine},{EndColumn})@{Start}+{Length}";
    }

    /// <summary>A value read from the digest together with the exact span it was read from.</summary>
    public readonly record struct Spanned<T>(T Value, SourceSpan Span);
}
