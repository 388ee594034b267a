using System;
using DigestKit.Engine;

namespace DigestKit.Analyzers.Generator.Model
{
    // The generation model: what the emitter needs and nothing else. Immutable, structural equality (records,
    // EquatableArray), no Roslyn objects and no source spans, so an edit that leaves the values alone (trailing
    // blank lines, moved whitespace) yields an equal model and the incremental driver keeps the output Cached.

    /// <summary>
    /// A digest file as read: its path, the text's checksum (base64 and length) and either its text or, in resource
    /// mode when the engine's verdict on that text is already kept (<c>AnalysisCache</c>), that verdict instead: the
    /// text is then not copied out at all. Two are equal when path and checksum are (the checksum stands for the
    /// text), whichever of text or verdict they carry; without a checksum (unreadable file) the text decides.
    /// <paramref name="Timeout"/> bounds the engine's run on it (<see cref="AnalysisTimeLimit"/>; null: the default).
    /// </summary>
    public sealed record DigestFile(string Path, string? Text, string Checksum = "", DigestAnalysis? Kept = null, TimeSpan? Timeout = null)
    {
        public bool Equals(DigestFile? other) =>
            other is not null
            && string.Equals(Path, other.Path, StringComparison.Ordinal)
            && string.Equals(Checksum, other.Checksum, StringComparison.Ordinal)
            && (Checksum.Length != 0 || string.Equals(Text, other.Text, StringComparison.Ordinal));

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ StringComparer.Ordinal.GetHashCode(Checksum);
    }

    /// <summary>
    /// What one digest file turned into: a spec to embed (literal mode) or only its catalog entry (resource mode,
    /// where the build task embeds the data); both null when it embeds nothing (errors).
    /// </summary>
    /// <param name="FullPath">The file's path as the compiler gave it, which the digest's property maps to (#line).</param>
    public sealed record DigestModel(string SourcePath, DigestSpec? Spec, CatalogEntry? Entry = null, string FullPath = "");

    /// <summary>
    /// One digest to embed. <see cref="Key"/> is unique per source path and derived from it alone, so the
    /// digest's generated file never depends on the other digests.
    /// </summary>
    public sealed record DigestSpec(
        string Key,
        string SourcePath,
        string Title,
        DateTime? Date,
        string Template,
        bool Draft,
        string Slug,
        string Category,
        EquatableArray<string> Tags,
        string Description,
        string SocialImage,
        EquatableArray<PaperSpec> Papers);

    public sealed record PaperSpec(
        int Rank,
        string Title,
        EquatableArray<string> Authors,
        long Retweets,
        long Favorites,
        DateTime? MeasuredAt,
        string? ArxivId,
        string AbsUrl,
        string PdfUrl,
        EquatableArray<string> Categories,
        string Abstract,
        EquatableArray<TweetSpec> Tweets);

    public sealed record TweetSpec(
        string AuthorName,
        string Handle,
        long? StatusId,
        string Url,
        DateTime? Date,
        string Text,
        string Html,
        string? Language);

    /// <summary>
    /// What <c>Digests</c> needs of one digest: the per-file data class, the slug, the order key; in literal mode
    /// also its share of the typed indexes (<see cref="DigestIndexWriter.WriteFragment"/>), which the catalog joins
    /// into one index literal (in resource mode the build task writes the index, and this is empty); and the file's
    /// full path, where the digest's generated property is mapped to (go-to-definition opens the Markdown).
    /// </summary>
    public sealed record CatalogEntry(string Key, string Slug, DateTime? Date, string SourcePath, string Index = "", string FullPath = "");

    /// <summary>Options that shape every generated file.</summary>
    /// <param name="Namespace">The namespace of <c>Digests</c>; empty for the global namespace.</param>
    /// <param name="Utf8Literals">C# 11 or later: embed data as <c>"…"u8</c> (kept out of the 16 MB string heap).</param>
    /// <param name="NullableAnnotations">C# 8 or later: <c>#nullable enable</c> and <c>Digest?</c>.</param>
    /// <param name="ResourceData">
    /// The DigestKit build task embedded each valid digest's data as a manifest resource
    /// (<c>build_property.DigestKitEmbedsResources</c>): generated code only names the resources, and no digest
    /// becomes a literal. Otherwise (no task: a project that references the analyzer without the targets) each
    /// digest's data is a literal in its own generated file.
    /// </param>
    public sealed record EmitOptions(string Namespace, bool Utf8Literals, bool NullableAnnotations, bool ResourceData = false);

    /// <summary>Everything the <c>Digests</c> class is made of.</summary>
    public sealed record CatalogSpec(EmitOptions Options, EquatableArray<CatalogEntry> Entries);

    /// <summary>
    /// One digest's data code and its catalog entry. <see cref="Code"/> is the digest's data class (literal mode),
    /// empty in resource mode (the build task embedded the data), or null when emitting failed; then the digest is
    /// left out of the catalog too, and embeds nothing.
    /// </summary>
    public sealed record DigestSource(string HintName, string? Code, CatalogEntry Entry);

    /// <summary>A digest's place in <c>Digests</c>: its property's name and its index in <c>All</c>.</summary>
    public sealed record DigestName(string Key, string Name, int Index);

    /// <summary>
    /// The name and index of every digest in the catalog, sorted by key (ordinal) so each digest finds its own by a
    /// binary search: what a digest's file needs of the other digests, and nothing more.
    /// </summary>
    public sealed record DigestNames(EquatableArray<DigestName> ByKey)
    {
        public DigestName? Find(string key)
        {
            int low = 0, high = ByKey.Count - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                var c = string.CompareOrdinal(ByKey[middle].Key, key);
                if (c == 0)
                {
                    return ByKey[middle];
                }

                if (c < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// One digest's generated file, <c>Digests.KEY.g.cs</c>: its data code and its property. Equal for an unchanged
    /// digest whose name and index stayed, so adding a digest rewrites only the files whose index moved.
    /// </summary>
    public sealed record DigestOutput(DigestSource Source, DigestName Name);
}
