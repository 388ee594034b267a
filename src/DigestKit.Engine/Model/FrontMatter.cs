using System;

namespace DigestKit.Engine
{
    /// <summary>
    /// The YAML block between the opening and closing <c>---</c>. Known keys are typed; <see cref="Entries"/>
    /// keeps every top-level key in file order, unknown ones included, exactly as written.
    /// </summary>
    public sealed record FrontMatter(
        SourceSpan Span,
        EquatableArray<FrontMatterEntry> Entries,
        Spanned<string>? Title,
        Spanned<DateTime>? Date,
        Spanned<string>? Template,
        Spanned<bool>? Draft,
        Spanned<string>? Slug,
        Spanned<string>? Category,
        Spanned<EquatableArray<Spanned<string>>>? Tags,
        Spanned<string>? Description,
        Spanned<string>? SocialImage)
    {
        /// <summary>
        /// The YAML could not be read to its end (DK1003, DK1012): <see cref="Entries"/> holds what came before the
        /// error, and the front matter rules stay silent, since a key after the error is not "missing".
        /// </summary>
        public bool IsUnreadable { get; init; }

        /// <summary>
        /// When the YAML is unreadable, the value of a top-level <c>slug:</c> line found by a line scan of the block
        /// (plain, single- or double-quoted), else null. It names the digest's generated property only, so a broken
        /// digest keeps the name it had; it is never embedded or checked as data.
        /// </summary>
        public string? RecoveredSlug { get; init; }
    }

    public enum FrontMatterValueKind
    {
        Null,
        Scalar,
        Sequence,
        Mapping,
    }

    /// <summary>
    /// One top-level key. <see cref="RawValue"/> is the value's source text; <see cref="Value"/> is the scalar's
    /// value (null for collections); <see cref="Items"/> holds a sequence's scalar items.
    /// </summary>
    public sealed record FrontMatterEntry(
        Spanned<string> Key,
        FrontMatterValueKind Kind,
        string? Value,
        string RawValue,
        SourceSpan ValueSpan,
        EquatableArray<Spanned<string>> Items);
}
