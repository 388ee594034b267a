using System;
using System.Text;

namespace DigestKit.Data
{
#if DIGESTKIT_LINKED
    // Where this file is linked (the generator, the build task), IndexKeys is linked too, under this namespace.
    using DigestKit.Analyzers.Generator;
#endif

    // The fields of each record of a digest's blob (DataFormat), declared once: each enum's order is the order of the
    // fields in the data, and DigestSchema gives each field its kind. The writer (the generator's DigestBlobWriter, in
    // the generator and the build task) and the reader (DigestDecoder) both walk these enums, each with a switch
    // whose default throws, so a field added here and not to both fails the round-trip tests. Adding a field: a
    // member here and its kind below, the value in the writer's and the reader's switch, the runtime type's property.

    /// <summary>The fields of a digest's front matter group, in order.</summary>
    internal enum FrontMatterField
    {
        SourcePath,
        Title,
        Date,
        Template,
        Draft,
        Slug,
        Category,
        Tags,
        Description,
        SocialImage,

        /// <summary>Not a field: the count.</summary>
        End,
    }

    /// <summary>The fields of a paper's front record (what a listing reads), in order.</summary>
    internal enum PaperField
    {
        /// <summary>The <see cref="PaperNumber"/>s, comma-separated in one text field: one field header per paper.</summary>
        Numbers,
        Title,
        Authors,

        /// <summary>Not a field: the count.</summary>
        End,
    }

    /// <summary>The numbers of <see cref="PaperField.Numbers"/>, in order; each possibly empty.</summary>
    internal enum PaperNumber
    {
        Rank,
        Retweets,
        Favorites,

        /// <summary>With <see cref="MeasuredAtKind"/>, empty when the paper has no measurement time.</summary>
        MeasuredAtTicks,
        MeasuredAtKind,

        /// <summary>Where the paper's cold record lies, from the start of its digest's cold part.</summary>
        ColdOffset,
        ColdLength,

        /// <summary>The number of authors, known before any name is decoded.</summary>
        AuthorCount,

        /// <summary>Not a number: the count.</summary>
        End,
    }

    /// <summary>The fields of a paper's cold record (what a listing does not read), in order.</summary>
    internal enum PaperColdField
    {
        ArxivId,
        AbsUrl,
        PdfUrl,
        Categories,
        Abstract,

        /// <summary>A group: the count, then each <see cref="TweetField"/> record.</summary>
        Tweets,

        /// <summary>Not a field: the count.</summary>
        End,
    }

    /// <summary>The fields of an embedded tweet, in order.</summary>
    internal enum TweetField
    {
        AuthorName,
        Handle,
        StatusId,
        Url,
        Date,
        Text,
        Html,
        Language,

        /// <summary>Not a field: the count.</summary>
        End,
    }

    /// <summary>How a field is written (<see cref="DataFormat"/>'s <c>field</c>, <c>date</c>, <c>list</c>, <c>group</c>).</summary>
    internal enum FieldKind
    {
        /// <summary>A text field; null is written for none and reads as the empty string.</summary>
        Text,

        /// <summary>A text field that may be null, and reads as null.</summary>
        OptionalText,

        /// <summary>A decimal number.</summary>
        Number,

        /// <summary>A decimal number that may be null.</summary>
        OptionalNumber,

        /// <summary>1 or 0.</summary>
        Boolean,

        /// <summary>Two fields: ticks and kind, both null for no date.</summary>
        Date,

        /// <summary>A count, then that many text fields.</summary>
        TextList,

        /// <summary>One field holding nested fields, skipped in one step.</summary>
        Group,

        /// <summary>Numbers joined by commas in one text field (<see cref="PaperNumber"/>).</summary>
        Numbers,
    }

    /// <summary>
    /// The kind of every field, and the schema's fingerprint, which <see cref="DataFormat.SchemaFingerprint"/> records
    /// for the versions declared there (a test fails when the two differ: bump the versions).
    /// </summary>
    internal static class DigestSchema
    {
        public static FieldKind Kind(FrontMatterField field) => field switch
        {
            FrontMatterField.SourcePath => FieldKind.Text,
            FrontMatterField.Title => FieldKind.Text,
            FrontMatterField.Date => FieldKind.Date,
            FrontMatterField.Template => FieldKind.Text,
            FrontMatterField.Draft => FieldKind.Boolean,
            FrontMatterField.Slug => FieldKind.Text,
            FrontMatterField.Category => FieldKind.Text,
            FrontMatterField.Tags => FieldKind.TextList,
            FrontMatterField.Description => FieldKind.Text,
            FrontMatterField.SocialImage => FieldKind.Text,
            _ => throw Undeclared(field),
        };

        public static FieldKind Kind(PaperField field) => field switch
        {
            PaperField.Numbers => FieldKind.Numbers,
            PaperField.Title => FieldKind.Text,
            PaperField.Authors => FieldKind.Group,
            _ => throw Undeclared(field),
        };

        public static FieldKind Kind(PaperColdField field) => field switch
        {
            PaperColdField.ArxivId => FieldKind.OptionalText,
            PaperColdField.AbsUrl => FieldKind.Text,
            PaperColdField.PdfUrl => FieldKind.Text,
            PaperColdField.Categories => FieldKind.TextList,
            PaperColdField.Abstract => FieldKind.Text,
            PaperColdField.Tweets => FieldKind.Group,
            _ => throw Undeclared(field),
        };

        public static FieldKind Kind(TweetField field) => field switch
        {
            TweetField.AuthorName => FieldKind.Text,
            TweetField.Handle => FieldKind.Text,
            TweetField.StatusId => FieldKind.OptionalNumber,
            TweetField.Url => FieldKind.Text,
            TweetField.Date => FieldKind.Date,
            TweetField.Text => FieldKind.Text,
            TweetField.Html => FieldKind.Text,
            TweetField.Language => FieldKind.OptionalText,
            _ => throw Undeclared(field),
        };

        /// <summary>Every record's fields in order with their kinds, one record per line: what the fingerprint hashes.</summary>
        public static string Describe()
        {
            var text = new StringBuilder();
            Record(text, "front matter", (int)FrontMatterField.End, i => (FrontMatterField)i + "=" + Kind((FrontMatterField)i));
            Record(text, "paper", (int)PaperField.End, i => (PaperField)i + "=" + Kind((PaperField)i));
            Record(text, "paper numbers", (int)PaperNumber.End, i => ((PaperNumber)i).ToString());
            Record(text, "paper cold", (int)PaperColdField.End, i => (PaperColdField)i + "=" + Kind((PaperColdField)i));
            Record(text, "tweet", (int)TweetField.End, i => (TweetField)i + "=" + Kind((TweetField)i));
            return text.ToString();
        }

        private static void Record(StringBuilder text, string name, int count, Func<int, string> field)
        {
            text.Append(name).Append(':');
            for (var i = 0; i < count; i++)
            {
                text.Append(' ').Append(field(i));
            }

            text.Append('\n');
        }

        /// <summary>FNV-1a (32 bits) of <see cref="Describe"/>'s UTF-8 bytes.</summary>
        public static uint Fingerprint() => IndexKeys.Hash(Encoding.UTF8.GetBytes(Describe()));

        private static InvalidOperationException Undeclared(object field) =>
            new InvalidOperationException("DigestKit: the field " + field + " has no kind in DigestSchema.");
    }
}
