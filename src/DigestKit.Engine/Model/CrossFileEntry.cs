using System;
using System.Collections.Generic;
using System.Text;

using DigestKit.Engine.Text;

namespace DigestKit.Engine
{
    /// <summary>
    /// What the cross-file rules (DK6001, DK6002) read of one digest, and nothing else: its path, its slug, and for
    /// each paper with an arXiv identifier the identifier, the spans reported on, and 64-bit keys of its title and
    /// author list as the rules compare them. A host keeps this instead of the document (or the text) of every file
    /// in a corpus: about a hundred bytes a paper. Built with <see cref="From"/>, on the thread that analyzed the
    /// file. The keys are hashes of the normalized title and author list: two papers are said to agree when the
    /// hashes are equal; unequal texts give equal hashes with a chance of 2^-64 per pair of the same identifier.
    /// </summary>
    public sealed class CrossFileEntry
    {
        private CrossFileEntry(string path, Spanned<string>? slug, CrossFilePaper[] papers)
        {
            Path = path;
            Slug = slug;
            Papers = papers;
        }

        /// <summary>The path the diagnostics name, as the document had it.</summary>
        public string Path { get; }

        /// <summary>The front matter's slug, null when there is none (or it is empty).</summary>
        public Spanned<string>? Slug { get; }

        /// <summary>The papers that carry an arXiv identifier, in file order.</summary>
        public IReadOnlyList<CrossFilePaper> Papers { get; }

        public static CrossFileEntry From(DigestDocument document)
        {
            if (document is null)
            {
                throw new ArgumentNullException(nameof(document));
            }

            Spanned<string>? slug = document.FrontMatter?.Slug is { } s && !string.IsNullOrEmpty(s.Value) ? s : (Spanned<string>?)null;
            var papers = new List<CrossFilePaper>();
            foreach (var paper in document.Papers)
            {
                if (paper.ArxivId is not { } id || string.IsNullOrEmpty(id.Id))
                {
                    continue;
                }

                papers.Add(new CrossFilePaper(id.Id, paper.Title.Span, paper.AuthorLineSpan, TitleKey(paper), AuthorKey(paper)));
            }

            return new CrossFileEntry(document.Path, slug, papers.ToArray());
        }

        private static ulong TitleKey(Paper paper) => Hash(WhiteSpace.Collapse(paper.NormalizedTitle ?? paper.Title.Value));

        private static ulong AuthorKey(Paper paper)
        {
            var builder = new StringBuilder();
            foreach (var author in paper.Authors)
            {
                builder.Append(WhiteSpace.Collapse(author.Value)).Append('\u001F');
            }

            return Hash(builder.ToString());
        }

        /// <summary>FNV-1a over the UTF-16 code units, then a 64-bit finalizer (SplitMix64's) so every bit mixes.</summary>
        internal static ulong Hash(string text)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash ^= (ulong)text.Length;
            hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
            hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
            return hash ^ (hash >> 31);
        }
    }

    /// <summary>
    /// One paper of a <see cref="CrossFileEntry"/>: its arXiv identifier without version, the spans reported on (the
    /// author line is null when the paper has none, and then its authors are not compared) and the two keys.
    /// </summary>
    public readonly record struct CrossFilePaper(string Id, SourceSpan TitleSpan, SourceSpan? AuthorLineSpan, ulong TitleKey, ulong AuthorKey);
}
