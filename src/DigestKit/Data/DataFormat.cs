namespace DigestKit.Data
{
    /// <summary>
    /// The format of the data the generator embeds, one blob per digest. The generator (DigestKit.Analyzers,
    /// <c>Generator/DigestBlobWriter.cs</c>) writes it; <see cref="DigestDecoder"/> reads it. Both ship together,
    /// and the version in <see cref="Magic"/> changes whenever the layout does.
    /// <code>
    /// digest   := "DK1;" sourcePath title date template draft slug category list(tags) description socialImage count paper*
    /// paper    := group( rank title list(authors) retweets favorites date arxivId absUrl pdfUrl list(categories)
    ///                    abstract group(count tweet*) )
    /// tweet    := authorName handle statusId url date text html language
    /// date     := ticks kind                         (both null when there is no date)
    /// list(x)  := count x*
    /// slugs    := "DK1;" count slug*                 (the catalog of a project's digests, in Digests.All order)
    /// field    := '|' '~'                            null
    ///           | '|' N ':' N bytes                  UTF-8 text; N is its byte count in decimal
    ///           | '|' N '!' N bytes                  UTF-16 code units as 4 hex digits each (text with lone
    ///                                                surrogates, which UTF-8 cannot carry)
    /// group    := '|' N ':' N bytes of nested fields skipped in one step; papers and tweets are groups
    /// </code>
    /// Numbers (counts, rank, retweets, ticks, kind, status IDs) and booleans (1/0) are decimal text fields.
    /// The '|' before each field is redundant for decoding; it makes generated code and golden files readable.
    /// Length prefixes make every field skippable without decoding it: a digest's abstracts and tweets are
    /// decoded only when read.
    /// </summary>
    internal static class DataFormat
    {
        public const string Magic = "DK1;";
    }
}
