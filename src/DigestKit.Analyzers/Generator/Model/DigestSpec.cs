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
    /// One digest to embed: what the blob's front matter record (<c>DigestKit.Data.FrontMatterField</c>) and its
    /// papers are written from. <see cref="Key"/> is unique per source path and derived from it alone, so the
    /// digest's generated file never depends on the other digests.
    /// </summary>
    public sealed record DigestSpec
    {
        /// <summary>The digest's key: its resource and class names, from its source path alone (<c>DigestResources.Key</c>).</summary>
        public required string Key { get; init; }

        /// <summary>The file's path relative to the project, with '/' separators (<c>Digest.SourcePath</c>).</summary>
        public required string SourcePath { get; init; }

        /// <summary>The front matter's <c>title</c>; empty when it has none.</summary>
        public required string Title { get; init; }

        /// <summary>The front matter's <c>date</c>, in the writer's local time; null when it has none.</summary>
        public required DateTime? Date { get; init; }

        /// <summary>The front matter's <c>template</c>; empty when it has none.</summary>
        public required string Template { get; init; }

        /// <summary>The front matter's <c>draft</c>; false when it has none.</summary>
        public required bool Draft { get; init; }

        /// <summary>The front matter's <c>slug</c>; empty when it has none.</summary>
        public required string Slug { get; init; }

        /// <summary>
        /// The slug recovered from YAML that does not parse (<see cref="DigestKit.Engine.FrontMatter.RecoveredSlug"/>),
        /// which names the property when <see cref="Slug"/> is empty; never embedded.
        /// </summary>
        public string NamingSlug { get; init; } = string.Empty;

        /// <summary>The front matter's <c>category</c>; empty when it has none.</summary>
        public required string Category { get; init; }

        /// <summary>The front matter's <c>tags</c>, in order.</summary>
        public required EquatableArray<string> Tags { get; init; }

        /// <summary>The front matter's <c>description</c>; empty when it has none.</summary>
        public required string Description { get; init; }

        /// <summary>The front matter's <c>socialImage</c>; empty when it has none.</summary>
        public required string SocialImage { get; init; }

        /// <summary>The papers, in the order of the digest.</summary>
        public required EquatableArray<PaperSpec> Papers { get; init; }
    }

    /// <summary>One paper of a digest: its front record (<c>DigestKit.Data.PaperField</c>) and cold record (<c>PaperColdField</c>).</summary>
    public sealed record PaperSpec
    {
        /// <summary>The heading's number, else the paper's position (1 first).</summary>
        public required int Rank { get; init; }

        /// <summary>The heading's title.</summary>
        public required string Title { get; init; }

        /// <summary>The author line's names, in order.</summary>
        public required EquatableArray<string> Authors { get; init; }

        /// <summary>The metrics line's retweets; 0 when it has none.</summary>
        public required long Retweets { get; init; }

        /// <summary>The metrics line's favorites; 0 when it has none.</summary>
        public required long Favorites { get; init; }

        /// <summary>When the metrics were measured, with the kind the line gives; null when it does not say.</summary>
        public required DateTime? MeasuredAt { get; init; }

        /// <summary>The arXiv identifier, with its version when the links give one; null when the paper has none.</summary>
        public required string? ArxivId { get; init; }

        /// <summary>The abstract page's URL; empty when the paper has no such link.</summary>
        public required string AbsUrl { get; init; }

        /// <summary>The PDF's URL; empty when the paper has no such link.</summary>
        public required string PdfUrl { get; init; }

        /// <summary>The category links' labels, in order.</summary>
        public required EquatableArray<string> Categories { get; init; }

        /// <summary>The abstract; empty when the paper has none.</summary>
        public required string Abstract { get; init; }

        /// <summary>The embedded tweets, in order.</summary>
        public required EquatableArray<TweetSpec> Tweets { get; init; }
    }

    /// <summary>One embedded tweet of a paper (<c>DigestKit.Data.TweetField</c>).</summary>
    public sealed record TweetSpec
    {
        /// <summary>The author's display name; empty when the embed has none.</summary>
        public required string AuthorName { get; init; }

        /// <summary>The author's handle, without '@'; empty when the embed has none.</summary>
        public required string Handle { get; init; }

        /// <summary>The status ID from the status URL; null when there is none.</summary>
        public required long? StatusId { get; init; }

        /// <summary>The status URL; empty when the embed has none.</summary>
        public required string Url { get; init; }

        /// <summary>The tweet's date; null when the embed has none or it does not parse.</summary>
        public required DateTime? Date { get; init; }

        /// <summary>The tweet's text, plain.</summary>
        public required string Text { get; init; }

        /// <summary>The embed's HTML, as written.</summary>
        public required string Html { get; init; }

        /// <summary>The embed's <c>lang</c>; null when it has none.</summary>
        public required string? Language { get; init; }
    }

    /// <summary>
    /// What <c>Digests</c> needs of one digest: the per-file data class, the slug, the order key; in literal mode
    /// also its share of the typed indexes (<see cref="DigestIndexWriter.WriteFragment"/>), which the catalog joins
    /// into one index literal (in resource mode the build task writes the index, and this is empty); and the file's
    /// full path, where the digest's generated property is mapped to (go-to-definition opens the Markdown).
    /// <see cref="NotEmbedded"/> is null for an embedded digest; for one that is not (<see cref="DigestSpecBuilder.NotEmbeddedEntry"/>)
    /// it says why, and the digest keeps only its property, which throws that, outside <c>All</c> and <c>Find</c>.
    /// <see cref="NamingSlug"/> names the property when <see cref="Slug"/> is empty (a slug recovered from YAML that
    /// does not parse); it is in neither the catalog nor the data.
    /// </summary>
    public sealed record CatalogEntry(string Key, string Slug, DateTime? Date, string SourcePath, string Index = "", string FullPath = "", string? NotEmbedded = null, string NamingSlug = "");

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
