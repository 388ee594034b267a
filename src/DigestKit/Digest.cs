using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using DigestKit.Data;

namespace DigestKit
{
    /// <summary>
    /// One "Hot Papers" digest: its front matter and its ranked papers. Instances are immutable and safe to read from
    /// several threads. Generated code creates them from embedded data on first access (see <c>Digests.All</c> in
    /// your root namespace); an embedded digest decodes its front matter when one of those values is first read, and
    /// its papers when <see cref="Papers"/> is first read.
    /// </summary>
    public sealed class Digest
    {
        private readonly EncodedDigest _encoded;
        private FrontMatterValues? _front;
        private IReadOnlyList<Paper>? _papers;

        /// <summary>Creates a digest from values (for tests and for hosts that build digests themselves).</summary>
        public Digest(
            string title,
            DateTime date,
            string template,
            bool draft,
            string slug,
            string category,
            IReadOnlyList<string> tags,
            string description,
            string socialImage,
            IReadOnlyList<Paper> papers,
            string sourcePath)
        {
            _front = new FrontMatterValues(
                title ?? throw new ArgumentNullException(nameof(title)),
                date,
                template ?? throw new ArgumentNullException(nameof(template)),
                draft,
                slug ?? throw new ArgumentNullException(nameof(slug)),
                category ?? throw new ArgumentNullException(nameof(category)),
                tags ?? throw new ArgumentNullException(nameof(tags)),
                description ?? throw new ArgumentNullException(nameof(description)),
                socialImage ?? throw new ArgumentNullException(nameof(socialImage)),
                sourcePath ?? throw new ArgumentNullException(nameof(sourcePath)));
            _papers = papers ?? throw new ArgumentNullException(nameof(papers));
        }

        /// <summary>An embedded digest: where its front matter and papers lie.</summary>
        internal Digest(EncodedDigest encoded) => _encoded = encoded;

        /// <summary>The front matter title, e.g. <c>Hot Papers 2021-06-21</c>.</summary>
        public string Title => Front.Title;

        /// <summary>
        /// When the post was written, as the front matter states it. The blog writes the writer's local time
        /// with a misleading <c>Z</c>, so the kind is <see cref="DateTimeKind.Unspecified"/>.
        /// </summary>
        public DateTime Date => Front.Date;

        /// <summary>The front matter template, e.g. <c>post</c>.</summary>
        public string Template => Front.Template;

        /// <summary>The front matter draft flag.</summary>
        public bool Draft => Front.Draft;

        /// <summary>The front matter slug, e.g. <c>hot-papers-2021-06-21</c>; unique within <c>Digests.All</c> lookups.</summary>
        public string Slug => Front.Slug;

        /// <summary>The front matter category, e.g. <c>arXiv</c>.</summary>
        public string Category => Front.Category;

        /// <summary>The front matter tags, in file order.</summary>
        public IReadOnlyList<string> Tags => Front.Tags;

        /// <summary>The front matter description.</summary>
        public string Description => Front.Description;

        /// <summary>The front matter social image, a site-relative path.</summary>
        public string SocialImage => Front.SocialImage;

        /// <summary>The ranked papers, in file order (rank 1 first).</summary>
        public IReadOnlyList<Paper> Papers => _papers ?? LoadPapers();

        /// <summary>The digest's file, relative to the project directory when it lies under it, with '/' separators.</summary>
        public string SourcePath => Front.SourcePath;

        private FrontMatterValues Front => _front ?? LoadFront();

        /// <inheritdoc />
        public override string ToString() => Slug;

        // Out of line, as in Paper: a consumer's loop inlines the field read only.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private IReadOnlyList<Paper> LoadPapers() => Once.Publish(ref _papers, DigestDecoder.ReadPapers(_encoded));

        [MethodImpl(MethodImplOptions.NoInlining)]
        private FrontMatterValues LoadFront() => Once.Publish(ref _front, DigestDecoder.ReadFrontMatter(_encoded));

        /// <summary>Decodes a digest the generator embedded as UTF-8 data. Called by generated code only.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static Digest FromUtf8(byte[] data) => DigestDecoder.Decode(data);

        /// <summary>
        /// Decodes a digest the generator embedded as an ordinary string literal (consumers compiled with
        /// C# older than 11, which has no <c>u8</c> literals). Called by generated code only.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static Digest FromString(string data) => DigestDecoder.Decode(DigestDecoder.Utf8(data));
    }
}
