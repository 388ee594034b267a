using System;
using System.Collections.Generic;
using System.ComponentModel;
using DigestKit.Data;

namespace DigestKit
{
    /// <summary>
    /// One "Hot Papers" digest: its front matter and its ranked papers. Instances are immutable. Generated
    /// code creates them from embedded data on first access (see <c>Digests.All</c> in your root namespace).
    /// </summary>
    public sealed class Digest
    {
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
            Title = title ?? throw new ArgumentNullException(nameof(title));
            Date = date;
            Template = template ?? throw new ArgumentNullException(nameof(template));
            Draft = draft;
            Slug = slug ?? throw new ArgumentNullException(nameof(slug));
            Category = category ?? throw new ArgumentNullException(nameof(category));
            Tags = tags ?? throw new ArgumentNullException(nameof(tags));
            Description = description ?? throw new ArgumentNullException(nameof(description));
            SocialImage = socialImage ?? throw new ArgumentNullException(nameof(socialImage));
            Papers = papers ?? throw new ArgumentNullException(nameof(papers));
            SourcePath = sourcePath ?? throw new ArgumentNullException(nameof(sourcePath));
        }

        /// <summary>The front matter title, e.g. <c>Hot Papers 2021-06-21</c>.</summary>
        public string Title { get; }

        /// <summary>
        /// When the post was written, as the front matter states it. The blog writes the writer's local time
        /// with a misleading <c>Z</c>, so the kind is <see cref="DateTimeKind.Unspecified"/>.
        /// </summary>
        public DateTime Date { get; }

        /// <summary>The front matter template, e.g. <c>post</c>.</summary>
        public string Template { get; }

        /// <summary>The front matter draft flag.</summary>
        public bool Draft { get; }

        /// <summary>The front matter slug, e.g. <c>hot-papers-2021-06-21</c>; unique within <c>Digests.All</c> lookups.</summary>
        public string Slug { get; }

        /// <summary>The front matter category, e.g. <c>arXiv</c>.</summary>
        public string Category { get; }

        /// <summary>The front matter tags, in file order.</summary>
        public IReadOnlyList<string> Tags { get; }

        /// <summary>The front matter description.</summary>
        public string Description { get; }

        /// <summary>The front matter social image, a site-relative path.</summary>
        public string SocialImage { get; }

        /// <summary>The ranked papers, in file order (rank 1 first).</summary>
        public IReadOnlyList<Paper> Papers { get; }

        /// <summary>The digest's file, relative to the project directory when it lies under it, with '/' separators.</summary>
        public string SourcePath { get; }

        /// <inheritdoc />
        public override string ToString() => Slug;

        /// <summary>Decodes a digest the generator embedded as UTF-8 data. Called by generated code only.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static Digest FromUtf8(byte[] data) => DigestDecoder.Decode(data);

        /// <summary>
        /// Decodes a digest the generator embedded as an ordinary string literal (consumers compiled with
        /// C# older than 11, which has no <c>u8</c> literals). Called by generated code only.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static Digest FromString(string data) => DigestDecoder.Decode(DigestDecoder.Utf8(data));

        /// <summary>
        /// Decodes a digest the DigestKit build task embedded as the manifest resource <paramref name="name"/> of
        /// <paramref name="assembly"/>, reading it in place in the loaded image. Called by generated code only.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static Digest FromResource(System.Reflection.Assembly assembly, string name) =>
            DigestDecoder.Decode(Data.DigestData.FromResource(
                assembly ?? throw new ArgumentNullException(nameof(assembly)),
                name ?? throw new ArgumentNullException(nameof(name))));
    }
}
