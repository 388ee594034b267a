using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DigestKit.Analyzers.Generator.Model;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// Writes a digest in the embedded data format that the runtime's <c>DigestKit.Data.DigestDecoder</c> reads
    /// (the grammar is in the runtime's <c>DataFormat.cs</c>). The result is text, which the emitter writes as
    /// one literal.
    /// </summary>
    public static class DigestBlobWriter
    {
        public const string Magic = "DK1;";

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>The digest's blob: header and front matter, then one group per paper.</summary>
        public static string WriteDigest(DigestSpec digest)
        {
            var header = new StringBuilder();
            header.Append(Magic);
            Text(header, digest.SourcePath);
            Text(header, digest.Title);
            Date(header, digest.Date);
            Text(header, digest.Template);
            Number(header, digest.Draft ? 1 : 0);
            Text(header, digest.Slug);
            Text(header, digest.Category);
            TextList(header, digest.Tags);
            Text(header, digest.Description);
            Text(header, digest.SocialImage);
            Number(header, digest.Papers.Count);

            foreach (var paper in digest.Papers)
            {
                var group = new StringBuilder();
                Number(group, paper.Rank);
                Text(group, paper.Title);
                TextList(group, paper.Authors);
                Number(group, paper.Retweets);
                Number(group, paper.Favorites);
                Date(group, paper.MeasuredAt);
                Text(group, paper.ArxivId);
                Text(group, paper.AbsUrl);
                Text(group, paper.PdfUrl);
                TextList(group, paper.Categories);
                Text(group, paper.Abstract);

                var tweets = new StringBuilder();
                Number(tweets, paper.Tweets.Count);
                foreach (var tweet in paper.Tweets)
                {
                    Text(tweets, tweet.AuthorName);
                    Text(tweets, tweet.Handle);
                    Number(tweets, tweet.StatusId);
                    Text(tweets, tweet.Url);
                    Date(tweets, tweet.Date);
                    Text(tweets, tweet.Text);
                    Text(tweets, tweet.Html);
                    Text(tweets, tweet.Language);
                }

                Group(group, tweets.ToString());

                Group(header, group.ToString());
            }

            return header.ToString();
        }

        /// <summary>The slug catalog: <c>"DK1;" count slug*</c>.</summary>
        public static string WriteSlugs(IReadOnlyList<string> slugs)
        {
            var builder = new StringBuilder();
            builder.Append(Magic);
            Number(builder, slugs.Count);
            foreach (var slug in slugs)
            {
                Text(builder, slug);
            }

            return builder.ToString();
        }

        private static void Text(StringBuilder builder, string? value)
        {
            if (value is null)
            {
                builder.Append("|~");
                return;
            }

            if (CSharpLiteral.HasUnpairedSurrogate(value))
            {
                // UTF-8 cannot carry it: keep the exact UTF-16 code units, as hex.
                builder.Append('|').Append((value.Length * 4).ToString(CultureInfo.InvariantCulture)).Append('!');
                foreach (var c in value)
                {
                    builder.Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }

                return;
            }

            builder.Append('|').Append(StrictUtf8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        private static void Group(StringBuilder builder, string contents) =>
            builder.Append('|').Append(StrictUtf8.GetByteCount(contents).ToString(CultureInfo.InvariantCulture)).Append(':').Append(contents);

        private static void Number(StringBuilder builder, long? value) =>
            Text(builder, value?.ToString(CultureInfo.InvariantCulture));

        private static void Date(StringBuilder builder, DateTime? value)
        {
            Number(builder, value?.Ticks);
            Number(builder, value is { } d ? (long)d.Kind : (long?)null);
        }

        private static void TextList(StringBuilder builder, IReadOnlyList<string> items)
        {
            Number(builder, items.Count);
            foreach (var item in items)
            {
                Text(builder, item);
            }
        }
    }
}
