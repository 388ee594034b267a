using System.Collections.Generic;

namespace DigestKit.Engine
{
    /// <summary>
    /// The catalogue of every diagnostic DigestKit reports: <c>DK</c> + 4 digits, grouped by area
    /// (1xxx front matter, 2xxx structure, 3xxx metrics, 4xxx links, 5xxx encoding, 6xxx across files,
    /// 7xxx C# code that uses the content, 9xxx the engine itself). Each ID has a page under docs/diagnostics and a line in AnalyzerReleases.
    /// IDs are never reused; a retired rule keeps its number.
    /// <para>
    /// This is the only declaration of a rule: the analyzer's descriptors, the code fixes and <c>digestkit fix</c>
    /// (<see cref="DigestRule.Fix"/>), SARIF, and the docs pages' headers, first paragraph and "Configuring"
    /// section are derived from it. A new rule: an entry here (and in <see cref="All"/>), the code that reports it
    /// (declared in its rule's <c>Rule</c>), a docs page body and a test; CONTRIBUTING.md has the steps.
    /// </para>
    /// </summary>
    public static class DigestRules
    {
        private const string FrontMatterCategory = "DigestKit.FrontMatter";
        private const string StructureCategory = "DigestKit.Structure";
        private const string MetricsCategory = "DigestKit.Metrics";
        private const string LinksCategory = "DigestKit.Links";
        private const string EncodingCategory = "DigestKit.Encoding";
        public const string CrossFileCategory = "DigestKit.CrossFile";
        private const string EngineCategory = "DigestKit.Engine";
        private const string UsageCategory = "DigestKit.Usage";
        private const string BuildCategory = "DigestKit.Build";

        // Front matter (parser unless noted).
        public static readonly DigestRule FrontMatterMissing = new("DK1001", "Front matter is missing",
            "The file does not start with a '---' line; begin it with the front matter, between two '---' lines", FrontMatterCategory, DigestSeverity.Error)
        {
            BlocksEmbedding = true,
            Description = "The file does not begin with a `---` line, so it has no front matter: the digest has no title, date or slug to embed.",
            GuideSection = DigestGuide.FrontMatter,
        };
        public static readonly DigestRule FrontMatterUnclosed = new("DK1002", "Front matter is not closed",
            "The front matter opened on line 1 is never closed; add a '---' line after its last key", FrontMatterCategory, DigestSeverity.Error)
        {
            BlocksEmbedding = true,
            Description = "The front matter opened by `---` on line 1 is never closed by a second `---` line, so the whole file would be read as YAML.",
            GuideSection = DigestGuide.FrontMatter,
        };
        public static readonly DigestRule YamlSyntax = new("DK1003", "Front matter is not valid YAML",
            "Front matter is not valid YAML: {0}; {1}", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "The front matter is not valid YAML; the message gives the YAML parser's error and the diagnostic sits where the parser stopped (on the tab, for a tab used as indentation). It is the only diagnostic for the front matter: keys after the error are not read, so they are not reported missing.",
            GuideSection = DigestGuide.FrontMatter,
        };
        public static readonly DigestRule RequiredKeyMissing = new("DK1004", "Required front matter key is missing",
            "Front matter key '{0}' is missing; add a '{0}:' line to the front matter", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "One of the nine keys every digest has (`title`, `date`, `template`, `draft`, `slug`, `category`, `tags`, `description`, `socialImage`) is missing. Reported on the front matter's opening `---` line. Not reported when the file has no front matter at all (that is DK1001), nor when its YAML cannot be read (DK1003, DK1012).",
            GuideSection = DigestGuide.FrontMatter,
        };
        public static readonly DigestRule UnknownKey = new("DK1005", "Unknown front matter key",
            "Front matter key '{0}' is not one of {1}; correct its spelling or remove it", FrontMatterCategory, DigestSeverity.Warning)
        {
            Description = "A top-level front matter key is not one of the nine known keys; often a misspelling (`socialimage`, `Title`). Reported on the key.",
            GuideSection = DigestGuide.FrontMatter,
        };
        public static readonly DigestRule WrongType = new("DK1006", "Front matter value has the wrong type",
            "Front matter key '{0}' has the value '{1}', which is not {2}; write {2}", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "A known key holds a value of the wrong type: `draft` must be a boolean, `tags` a list of strings, the other keys scalars.",
            GuideSection = DigestGuide.FrontMatter,
        };
        public static readonly DigestRule UnreadableDate = new("DK1007", "Front matter date is unreadable",
            "Front matter date '{0}' cannot be read as a date; write it like '2021-06-22T07:43:12.Z'", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "The `date` value cannot be read as a date and time. Real posts write `2021-06-22T07:43:12.Z` (a `.` with no fraction digits before `Z`, which DigestKit accepts).",
            GuideSection = DigestGuide.Date,
        };
        public static readonly DigestRule SlugMismatch = new("DK1008", "Slug disagrees with the title",
            "Slug '{0}' does not match the title's date; write '{1}'", FrontMatterCategory, DigestSeverity.Warning)
        {
            Description = "The slug is not `hot-papers-` followed by the date in the title, so the post's URL would disagree with its title.",
            GuideSection = DigestGuide.TitleSlugAndDescription,
        };
        public static readonly DigestRule TitleDescriptionMismatch = new("DK1009", "Title or description disagrees",
            "Front matter {0} '{1}' is not in the expected form; write '{2}'", FrontMatterCategory, DigestSeverity.Warning)
        {
            Description = "The title is not of the form `Hot Papers YYYY-MM-DD` with a real date, or the description is not `Hot papers ` followed by the title's date. The message says which one and what was expected.",
            GuideSection = DigestGuide.TitleSlugAndDescription,
        };
        public static readonly DigestRule TitleDateAfterPostDate = new("DK1010", "Title date is after the post date",
            "The title's date '{0}' is after the post's date {1}; correct one of the two dates", FrontMatterCategory, DigestSeverity.Warning)
        {
            Description = "The date in the title (the day the papers were shared) is later than the post's `date` (when the post was written). A post cannot cover a day that had not happened yet; usually one of the two dates has a typo. Reported on the date inside the title.",
            GuideSection = DigestGuide.Date,
        };
        public static readonly DigestRule DuplicateKey = new("DK1011", "Duplicate front matter key",
            "Front matter key '{0}' appears more than once; keep one and remove the others", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "A top-level key appears twice in the front matter; which value wins is unclear.",
            GuideSection = DigestGuide.FrontMatter,
        };
        public static readonly DigestRule YamlTooComplex = new("DK1012", "Front matter is too complex",
            "Front matter is too complex: {0}; write plain 'key: value' lines", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "The front matter uses YAML features DigestKit refuses for safety or simplicity (anchors and aliases, very deep nesting, huge documents).",
            GuideSection = DigestGuide.Limits,
        };

        // Structure of the body (parser).
        public static readonly DigestRule MalformedHeading = new("DK2001", "Malformed paper heading",
            "Paper heading '{0}' is not of the form '# N. Title'; write the paper's number, a period and its title after '# '", StructureCategory, DigestSeverity.Error)
        {
            Description = "A `#` heading in the body is not of the form `# N. Title`, so it cannot be read as a ranked paper.",
            GuideSection = DigestGuide.PaperHeading,
        };
        public static readonly DigestRule EmptyTitle = new("DK2002", "Paper title is empty",
            "Paper {0} has an empty title; write the paper's title after its number", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper heading has a number but no title.",
            GuideSection = DigestGuide.PaperHeading,
        };
        public static readonly DigestRule NumberingGap = new("DK2003", "Paper numbering is not 1..N",
            "Paper number {0} is out of sequence; number it {1} ('digestkit fix' renumbers the papers)", StructureCategory, DigestSeverity.Warning)
        {
            Description = "Papers are numbered 1..N in file order; this paper's number is not its position. Reported on the number. The diagnostic carries a fix renumbering the paper to its position (`digestkit fix`, or the code fix in the IDE); applying all of them renumbers the digest 1..N.",
            GuideSection = DigestGuide.Papers,
            Fix = DigestFixes.Renumbering,
        };
        public static readonly DigestRule DuplicateNumber = new("DK2004", "Duplicate paper number",
            "Paper number {0} is used more than once; number the papers in order from 1 ('digestkit fix' renumbers them)", StructureCategory, DigestSeverity.Warning)
        {
            Description = "Two papers carry the same number. Reported on the second one's number, with a fix renumbering it to its position when that differs (`digestkit fix`, or the code fix in the IDE); with the DK2003 fixes it renumbers the digest 1..N in one run.",
            GuideSection = DigestGuide.Papers,
            Fix = DigestFixes.Renumbering,
        };
        public static readonly DigestRule MissingAuthors = new("DK2005", "Paper has no author line",
            "Paper {0} has no author line; write its authors, separated by commas, on the line after its heading", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper has no author line after its heading.",
            GuideSection = DigestGuide.AuthorsLine,
        };
        public static readonly DigestRule MissingMetrics = new("DK2006", "Paper has no metrics line",
            "Paper {0} has no metrics line; add '- retweets: R, favorites: F (MM/DD/YYYY HH:mm:ss)' after its authors", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper has no `- retweets: R, favorites: F (timestamp)` line.",
            GuideSection = DigestGuide.MetricsLine,
        };
        public static readonly DigestRule MissingLinks = new("DK2007", "Paper has no links line",
            "Paper {0} has no links line; add '- links: [abs](…) | [pdf](…)' after its metrics line", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper has no `- links: [abs](…) | [pdf](…)` line.",
            GuideSection = DigestGuide.LinksLine,
        };
        public static readonly DigestRule MissingCategories = new("DK2008", "Paper has no categories line",
            "Paper {0} has no categories line; add its category links, such as '- [cs.LG](https://arxiv.org/list/cs.LG/recent)', after its links line", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper has no line of category links.",
            GuideSection = DigestGuide.CategoriesLine,
        };
        public static readonly DigestRule UnexpectedContent = new("DK2009", "Unexpected content",
            "Unexpected content '{0}' {1}; remove it or move it to its place, as it is not embedded", StructureCategory, DigestSeverity.Warning)
        {
            Description = "Text appears where the format has none (e.g. before the first paper, or a line the paper section does not expect). It is not embedded.",
            GuideSection = DigestGuide.Papers,
        };
        public static readonly DigestRule EmptyAuthor = new("DK2010", "Empty author name",
            "Paper {0} has an empty author name in its author list; remove the extra comma or write the missing name", StructureCategory, DigestSeverity.Warning)
        {
            Description = "The author line has an empty name between two commas (or a trailing comma). Reported on the comma or blank where the name should be.",
            GuideSection = DigestGuide.AuthorsLine,
        };
        public static readonly DigestRule BodyUnreadable = new("DK2011", "The body cannot be read",
            "The body cannot be read: {0}; simplify the Markdown on this line", StructureCategory, DigestSeverity.Error)
        {
            Description = "The body after the front matter cannot be read as Markdown at all, e.g. a line nests lists or quotes hundreds of levels deep (which would make the Markdown parser take quadratic time). No paper is read from the file.",
            GuideSection = DigestGuide.Limits,
        };
        public static readonly DigestRule NotText = new("DK2012", "The file is not a text digest",
            "The file is not a text digest: {0}; save it as UTF-8 text, or exclude it from the digests", StructureCategory, DigestSeverity.Error)
        {
            BlocksEmbedding = true,
            Description = "The file is binary, or not text in any encoding DigestKit reads: its first 8,192 characters hold at least 8 NUL characters, or at least 8 characters, and at least one in ten, that text does not hold (control characters, or bytes that are not valid UTF-8); or it is UTF-32 text (DigestKit, like the compiler, reads UTF-8 and UTF-16), which the message then names. It is the only diagnostic for the file: nothing else is read from it. Reported at the start of the file.",
            GuideSection = DigestGuide.TextAndEncoding,
        };
        public static readonly DigestRule DuplicatePaper = new("DK2013", "The same paper is listed twice",
            "Paper {0} is arXiv paper '{1}', already listed as paper {2}; remove one of the two", StructureCategory, DigestSeverity.Warning)
        {
            Description = "Two papers of one digest have the same arXiv identifier: usually a paper pasted twice and renumbered. Reported on the second paper's heading, with the first one's heading as the related location.",
            GuideSection = DigestGuide.Papers,
        };

        public static readonly DigestRule LineSeparatorInValue = new("DK2016", "Line separator inside a value",
            "The text holds the line separator {0} in {1}; replace it with a space", StructureCategory, DigestSeverity.Warning)
        {
            GuideSection = DigestGuide.TextAndEncoding,
            Description = "The text holds U+2028 (LINE SEPARATOR), U+2029 (PARAGRAPH SEPARATOR) or U+0085 (NEXT LINE) outside the tweet HTML. Markdown and the editor's language server do not end a line there, but the compiler does, so the character splits a heading, an author line, a link or a front matter value in two for some tools and not for others. DigestKit keeps the whole value (the text after the character stays in the title) and reports the character, at its exact place.",
            Fix = DigestFixes.LineSeparator,
        };
        public static readonly DigestRule BlockUnreadable = new("DK2017", "A block cannot be read",
            "The Markdown parser failed on this block, which is skipped: {0}; simplify the Markdown of this block", StructureCategory, DigestSeverity.Error)
        {
            GuideSection = DigestGuide.Limits,
            Description = "The Markdown parser (Markdig) threw an exception on this block of the body, a bug of the parser on unusual text (such as a `[` followed by one-letter lines and a final carriage return). The body is then read again a paper section, and within it a paragraph, at a time: only the block the parser fails on is skipped, and every other diagnostic of the file is still reported.",
        };

        // Metrics.
        public static readonly DigestRule InvalidCount = new("DK3001", "Count is not a non-negative integer",
            "The {0} count '{1}' is not a whole number of 0 or more; write one such as 12", MetricsCategory, DigestSeverity.Error)
        {
            Description = "A retweets or favorites count is not a non-negative integer (a word, a decimal, a negative number). Reported on the count.",
            GuideSection = DigestGuide.MetricsLine,
        };
        public static readonly DigestRule UnreadableTimestamp = new("DK3002", "Metrics timestamp is unreadable",
            "Metrics timestamp '{0}' is not of the form MM/DD/YYYY HH:mm:ss; write it like '06/22/2021 07:43:13'", MetricsCategory, DigestSeverity.Error)
        {
            Description = "The timestamp in parentheses on the metrics line is not `MM/DD/YYYY HH:mm:ss`.",
            GuideSection = DigestGuide.MetricsLine,
        };
        public static readonly DigestRule ImpossibleTimestamp = new("DK3003", "Metrics timestamp is impossible",
            "Metrics timestamp '{0}' is not a real date and time; correct its month, day or time", MetricsCategory, DigestSeverity.Error)
        {
            Description = "The timestamp has the right shape but is not a real date or time (month 13, 31 June, 25:00).",
            GuideSection = DigestGuide.MetricsLine,
        };
        public static readonly DigestRule TimestampBeforePost = new("DK3004", "Metrics timestamp is before the post date",
            "Metrics timestamp '{0}' is before the post's date {1}; correct the timestamp or the post's date", MetricsCategory, DigestSeverity.Warning)
        {
            Description = "The metrics were measured before the post's `date`: they are taken when the post is written, so they are never earlier. Reported on the timestamp.",
            GuideSection = DigestGuide.MetricsLine,
        };
        public static readonly DigestRule ScoreOrder = new("DK3005", "Papers are not ordered by score",
            "Paper {0} has score {1} (retweets + favorites), higher than paper {2} above it with {3}; order the papers by score, highest first", MetricsCategory, DigestSeverity.Warning)
        {
            Description = "Papers are ranked by score (retweets + favorites), highest first; this paper scores higher than the paper above it. Reported once per digest, on the heading of the first paper out of order; once that is fixed, the next inversion (if any) is reported.",
            GuideSection = DigestGuide.Papers,
        };
        public static readonly DigestRule MalformedMetrics = new("DK3006", "Malformed metrics line",
            "Metrics line '{0}' is not of the form '- retweets: R, favorites: F (MM/DD/YYYY HH:mm:ss)'; write it in that form", MetricsCategory, DigestSeverity.Error)
        {
            Description = "A line starting with `- retweets` is not `- retweets: R, favorites: F (MM/DD/YYYY HH:mm:ss)`.",
            GuideSection = DigestGuide.MetricsLine,
        };

        // Links.
        public static readonly DigestRule AbsLinkMissing = new("DK4001", "abs link is missing",
            "Paper {0} has no abs link; {1}", LinksCategory, DigestSeverity.Error)
        {
            Description = "The links line has no `[abs](…)` link, so the paper's abstract page is unknown. When the line holds only a pdf link naming a valid identifier, the diagnostic carries a fix adding `[abs](https://arxiv.org/abs/ID)` before it, with the same identifier and version (`digestkit fix`, or the code fix in the IDE); the message says what to add.",
            GuideSection = DigestGuide.LinksLine,
            Fix = DigestFixes.MissingLink,
        };
        public static readonly DigestRule PdfLinkMissing = new("DK4002", "pdf link is missing",
            "Paper {0} has no pdf link; {1}", LinksCategory, DigestSeverity.Error)
        {
            Description = "The links line has no `[pdf](…)` link. When the line holds only an abs link naming a valid identifier, the diagnostic carries a fix adding ` | [pdf](https://arxiv.org/pdf/ID)` after it, with the same identifier and version (`digestkit fix`, or the code fix in the IDE); the message says what to add.",
            GuideSection = DigestGuide.LinksLine,
            Fix = DigestFixes.MissingLink,
        };
        public static readonly DigestRule MalformedUrl = new("DK4003", "Malformed link URL",
            "URL '{0}' is not valid here; write a URL like '{1}'", LinksCategory, DigestSeverity.Error)
        {
            Description = "A link URL is malformed or points to the wrong place: abs and pdf links must be `https://arxiv.org/abs/ID` and `https://arxiv.org/pdf/ID`, category links `https://arxiv.org/list/CATEGORY/recent`, tweet links `https://twitter.com/HANDLE/status/ID`. The message says what was expected.",
            GuideSection = DigestGuide.LinksLine,
        };
        public static readonly DigestRule IdentifierMismatch = new("DK4004", "abs and pdf name different papers",
            "The pdf link names '{0}' but the abs link names '{1}'; make both links name the same paper", LinksCategory, DigestSeverity.Error)
        {
            Description = "The abs and pdf links name different arXiv identifiers, so one of them points to another paper.",
            GuideSection = DigestGuide.LinksLine,
        };
        public static readonly DigestRule InvalidArxivId = new("DK4005", "Invalid arXiv identifier",
            "arXiv identifier '{0}' is not valid; write one like '2106.09785' or 'hep-th/9901001'", LinksCategory, DigestSeverity.Error)
        {
            Description = "The identifier in the abs or pdf link is neither a new-style `YYMM.NNNNN` (4 digits after the dot before 2015) nor an old-style `archive/YYMMNNN` identifier.",
            GuideSection = DigestGuide.LinksLine,
        };
        public static readonly DigestRule IdentifierFromFuture = new("DK4006", "arXiv identifier is newer than the digest",
            "arXiv identifier '{0}' is from {1}, after the digest's date {2}; correct the identifier or the digest's date", LinksCategory, DigestSeverity.Warning)
        {
            Description = "The identifier's YYMM is later than the digest's date (the later of the title's date and the post's `date`): arXiv had not assigned that number yet. Reported on the identifier.",
            GuideSection = DigestGuide.LinksLine,
        };
        public static readonly DigestRule CategoryLabelMismatch = new("DK4007", "Category label differs from its link",
            "Category label '{0}' differs from the category '{1}' its link names; write the same category in both", LinksCategory, DigestSeverity.Warning)
        {
            Description = "A category link's label is not the category its URL lists. Reported on the label.",
            GuideSection = DigestGuide.CategoriesLine,
        };
        public static readonly DigestRule UnknownCategory = new("DK4008", "Unknown arXiv category",
            "Category '{0}' is not in arXiv's taxonomy; write an arXiv category such as 'cs.LG' (case matters)", LinksCategory, DigestSeverity.Warning)
        {
            Description = "A category is not in arXiv's taxonomy (current categories, their aliases such as `cs.NA`/`math.NA`, and the legacy archives like `chao-dyn`). Case matters: `cs.lg` is not a category.",
            GuideSection = DigestGuide.CategoriesLine,
        };
        public static readonly DigestRule TweetLinkNotStatus = new("DK4009", "Tweet link is not a status URL",
            "Tweet link '{0}' is not a status URL; link the tweet's date to 'https://twitter.com/<handle>/status/<id>'", LinksCategory, DigestSeverity.Warning)
        {
            Description = "An embedded tweet's date link is not a status URL `https://twitter.com/HANDLE/status/ID`, so the tweet cannot be identified or dated. Reported on the URL.",
            GuideSection = DigestGuide.Tweets,
        };
        public static readonly DigestRule TweetHandleMismatch = new("DK4010", "Tweet handle differs from its link",
            "Tweet handle '@{0}' differs from '@{1}' in its status link; write the handle of the account that posted it", LinksCategory, DigestSeverity.Warning)
        {
            Description = "The `(@handle)` written in the tweet differs from the handle in its status link (compared ignoring case), so the tweet is attributed to the wrong account. Reported on the handle.",
            GuideSection = DigestGuide.Tweets,
        };
        public static readonly DigestRule TweetDateMismatch = new("DK4011", "Tweet date disagrees with its status ID",
            "Tweet date '{0}' disagrees with {1}, the date its status ID encodes; correct the date or the link", LinksCategory, DigestSeverity.Warning)
        {
            Description = "A status ID is a snowflake: `(ID >> 22) + 1288834974657` is the tweet's Unix time in milliseconds. The tweet's date text is more than one day (time zones) away from that date. Reported on the date text.",
            GuideSection = DigestGuide.Tweets,
        };
        public static readonly DigestRule MalformedTweet = new("DK4012", "Malformed embedded tweet",
            "Embedded tweet is malformed: {0}; paste the tweet's embed code from Twitter again", LinksCategory, DigestSeverity.Warning)
        {
            Description = "An embedded tweet's HTML lacks a part of Twitter's oEmbed shape: the `<p>` text, the `&mdash; NAME (@handle)` credit, the status link or the closing `</blockquote>`.",
            GuideSection = DigestGuide.Tweets,
        };
        public static readonly DigestRule MalformedLinksLine = new("DK4013", "Malformed links line",
            "Links line '{0}' is not of the form '- links: [abs](…) | [pdf](…)'; write it in that form", LinksCategory, DigestSeverity.Error)
        {
            Description = "A line starting with `- links` is not `- links: [abs](…) | [pdf](…)`.",
            GuideSection = DigestGuide.LinksLine,
        };

        // Encoding (rules).
        public static readonly DigestRule MojibakeInAuthor = new("DK5001", "Mis-encoded author name",
            "Author name '{0}' looks mis-encoded ({1}); write '{2}' ('digestkit fix' repairs it)", EncodingCategory, DigestSeverity.Warning)
        {
            Description = "An author name holds mojibake: UTF-8 bytes decoded with the wrong character set (Mac OS Roman, Windows-1252 or Latin-1, sometimes twice, sometimes Windows-1252 and Latin-1 mixed in one run, sometimes CESU-8 surrogate halves of an emoji). The message names the decoding it undid (\"UTF-8 read as Mac OS Roman\") and the repaired name, and the diagnostic carries a fix replacing the whole name with it. A quoted name longer than 80 characters is shown by its start, an ellipsis and its length.",
            GuideSection = DigestGuide.TextAndEncoding,
            Fix = DigestFixes.MisencodedText,
        };
        public static readonly DigestRule MojibakeInText = new("DK5002", "Mis-encoded text",
            "Text '{0}' looks mis-encoded ({1}); write '{2}' ('digestkit fix' repairs it)", EncodingCategory, DigestSeverity.Info)
        {
            Description = "Text other than an author name (a title, an abstract, tweet HTML, a front matter value) holds mojibake. One diagnostic per mis-encoded run, each with a fix replacing it with the repaired text.",
            GuideSection = DigestGuide.TextAndEncoding,
            Fix = DigestFixes.MisencodedText,
        };
        public static readonly DigestRule ReplacementCharacter = new("DK5003", "Replacement character",
            "The text holds U+FFFD, the replacement character, in {0}; type the lost character again", EncodingCategory, DigestSeverity.Warning)
        {
            Description = "The text holds U+FFFD, the replacement character a decoder writes for bytes it could not read: the original character is lost and cannot be repaired automatically. One diagnostic per run.",
            GuideSection = DigestGuide.TextAndEncoding,
        };
        public static readonly DigestRule BidiControl = new("DK5004", "Invisible direction override",
            "The text holds the invisible bidirectional control {0} in {1}; remove it", EncodingCategory, DigestSeverity.Warning)
        {
            Description = "The text holds an invisible bidirectional control (U+202A–U+202E, U+2066–U+2069) outside the tweet HTML. These can make text display in a different order than it is stored (“Trojan Source”). Tweets are exempt: right-to-left tweets legitimately hold them.",
            GuideSection = DigestGuide.TextAndEncoding,
        };
        public static readonly DigestRule ControlCharacter = new("DK5005", "Control character",
            "The text holds the control character {0} in {1}; remove it", EncodingCategory, DigestSeverity.Warning)
        {
            Description = "The text holds a C0 or C1 control character (other than tab, CR and LF), such as NUL, form feed or ESC (U+0085, NEXT LINE, is a line separator: DK2016). They are invisible and usually the residue of a broken conversion. Control characters inside a run reported as mojibake (DK5001/DK5002) are left to that diagnostic.",
            GuideSection = DigestGuide.TextAndEncoding,
        };
        public static readonly DigestRule UncertainMojibake = new("DK5006", "Possibly mis-encoded text",
            "Text '{0}' may be mis-encoded, but its readings disagree ({1}); check it, and correct it by hand if it is wrong", EncodingCategory, DigestSeverity.Info)
        {
            Description = "Two code pages both read these characters as UTF-8 mojibake, and read them differently: Windows-1252 makes a strong case for part of them, Mac OS Roman for all of them. Neither repair is sure, so DigestKit applies none (no fix is offered) and says what each reading would give. A wrong repair of a name is worse than a missed one.",
            GuideSection = DigestGuide.TextAndEncoding,
        };

        // Across files (rules over several documents).
        public static readonly DigestRule DuplicateSlug = new("DK6001", "Duplicate slug",
            "Slug '{0}' is also used by {1}; give each digest its own slug", CrossFileCategory, DigestSeverity.Error)
        {
            Description = "Two digests declare the same slug, so both would be published at the same URL. Reported on every later file's slug (files in path order), naming the first file. It is computed at the end of a compilation, across all digests: in an IDE it appears with full-solution analysis, and always in a build.",
            GuideSection = DigestGuide.AcrossDigests,
        };
        public static readonly DigestRule InconsistentPaper = new("DK6002", "Same paper with different metadata",
            "arXiv paper '{0}' has a different {1} in {2}; check which one is right", CrossFileCategory, DigestSeverity.Info)
        {
            Description = "The same arXiv paper appears in two digests with a different title or author list. This can be legitimate (a new arXiv version changed the title) and is only a note; it can also reveal a copy error or mojibake in one of them. Reported on the later file's title or author line (files in path order). Computed at the end of a compilation, like DK6001.",
            GuideSection = DigestGuide.AcrossDigests,
        };

        // C# code that uses the content: a constant passed to a generated lookup by name (DigestUsageAnalyzer). The
        // last argument says what to do: "did you mean '…'?", or that nothing is embedded.
        public static readonly DigestRule UnknownSlug = new("DK7001", "No embedded digest has this slug",
            "No embedded digest has the slug '{0}'; {1}", UsageCategory, DigestSeverity.Warning)
        {
            Description = "A compile-time constant passed to `Digests.Find` names no slug of the digests this project embeds, so the lookup returns nothing at run time. It is reported at the argument's exact span (a literal, or the name of a `const string`), with the embedded slug nearest by edit distance. Only constants are checked: a literal, a `const string`, or an interpolated string of constants. A variable or a non-constant interpolated string (`$\"hot-papers-{year}\"`) is known only at run time and is not checked. A digest that is not embedded (DK9005) has no names to count.",
        };
        public static readonly DigestRule UnknownPaper = new("DK7002", "No embedded digest has this arXiv paper",
            "No embedded digest has the arXiv paper '{0}'; {1}", UsageCategory, DigestSeverity.Warning)
        {
            Description = "A compile-time constant passed to `Digests.FindPaper` or `Digests.Index.FindPaper` names no arXiv ID of the digests this project embeds, so the lookup returns nothing at run time. It is reported at the argument's exact span (a literal, or the name of a `const string`), with the embedded arXiv ID nearest by edit distance. Only constants are checked: a literal, a `const string`, or an interpolated string of constants. A variable or a non-constant interpolated string (`$\"hot-papers-{year}\"`) is known only at run time and is not checked. A digest that is not embedded (DK9005) has no names to count.",
        };
        public static readonly DigestRule UnknownAuthor = new("DK7003", "No embedded paper has this author",
            "No embedded paper has the author '{0}'; {1}", UsageCategory, DigestSeverity.Warning)
        {
            Description = "A compile-time constant passed to `Digests.ByAuthor` or `Digests.Index.ByAuthor`/`FindAuthor` names no author name of the digests this project embeds, so the lookup returns nothing at run time. It is reported at the argument's exact span (a literal, or the name of a `const string`), with the embedded author name nearest by edit distance. Only constants are checked: a literal, a `const string`, or an interpolated string of constants. A variable or a non-constant interpolated string (`$\"hot-papers-{year}\"`) is known only at run time and is not checked. A digest that is not embedded (DK9005) has no names to count.",
        };
        public static readonly DigestRule UnknownCategoryName = new("DK7004", "No embedded paper has this category",
            "No embedded paper is in the category '{0}'; {1}", UsageCategory, DigestSeverity.Warning)
        {
            Description = "A compile-time constant passed to `Digests.InCategory` or `Digests.Index.InCategory`/`FindCategory` names no category of the digests this project embeds, so the lookup returns nothing at run time. It is reported at the argument's exact span (a literal, or the name of a `const string`), with the embedded category nearest by edit distance. Only constants are checked: a literal, a `const string`, or an interpolated string of constants. A variable or a non-constant interpolated string (`$\"hot-papers-{year}\"`) is known only at run time and is not checked. A digest that is not embedded (DK9005) has no names to count.",
        };

        // The engine itself.
        public static readonly DigestRule InternalError = new("DK9001", "DigestKit could not check this file",
            "DigestKit could not check this file: {0}; report it as a DigestKit issue, with this file", EngineCategory, DigestSeverity.Error)
        {
            BlocksEmbedding = true,
            Description = "DigestKit itself failed on this file (a bug, or a file so pathological that analysis took longer than `digestkit.analysis_timeout_seconds`, 60 by default). The other files are still checked.",
            GuideSection = DigestGuide.Limits,
        };

        // The build around the engine: the analyzer's verdict on embedding, the MSBuild targets' checks of the content items.
        public static readonly DigestRule NotEmbedded = new("DK9005", "The digest is not embedded",
            "The digest is not embedded: {0} stands (configured as {1}), and a digest with it has nothing to embed; fix what {0} reports, or leave the file out with DigestKitExclude",
            BuildCategory, DigestSeverity.Error)
        {
            NotConfigurable = true,
            Description = "A digest named by `DigestKitContent` is not embedded, because a diagnostic that leaves nothing to embed (DK1001, DK1002, DK2012, DK9001) stands, and its severity was lowered or turned off in `.editorconfig`, `.globalconfig` or `NoWarn`. Lowering every other error embeds the digest with the field it concerns empty or at its default, but these four leave no front matter or no text, so the build fails with this error instead, which no configuration can lower: a green build embeds every digest it names. Reported where the blocking diagnostic is.",
        };
        public static readonly DigestRule ContentMatchesNothing = new("DK9006", "DigestKitContent matches no file",
            "DigestKitContent '{0}' matches no file, so no digest is embedded; correct the glob, or point DigestKitContent at the digests",
            BuildCategory, DigestSeverity.Warning)
        {
            Description = "The `DigestKitContent` globs (after `DigestKitExclude`) match no file, so the build embeds no digest and `Digests.All` is empty. Reported by the DigestKit MSBuild targets, once per build of the project.",
        };
        public static readonly DigestRule UnusableFileName = new("DK9007", "The digest's file name cannot be built",
            "The digest '{0}' cannot be built: {1}; rename the file",
            BuildCategory, DigestSeverity.Error)
        {
            Description = "A digest named by `DigestKitContent` cannot be passed to the compiler: its name holds a line break (the compiler's command line is one path per line; shown as `[LF]` or `[CR]`), or the file is not there, which is what a backslash in a name looks like outside Windows, where MSBuild reads it as a folder separator. The message says which. The file is left out of the compilation, so this is its only diagnostic, and the build goes on with the other digests. `digestkit check` reads such files; the build cannot. Every other character a file system allows (spaces, `#`, `;`, `%`, quotes, non-ASCII letters) builds. Reported by the DigestKit MSBuild targets.",
        };

        public static readonly DigestRule DiagnosticsOmitted = new("DK9020", "More diagnostics than are shown",
            "This file has {0} more diagnostics than are shown: {1}; fix the ones shown, then check again", EngineCategory, DigestSeverity.Info)
        {
            GuideSection = DigestGuide.Limits,
            Description = "A file has more than 200 diagnostics: only 200 are reported, and this one counts the rest by ID (a file that is not a digest at all would otherwise print millions of lines). The first diagnostic of every ID in the file is always among those shown, so the verdict (whether the file has errors or warnings, whatever severity is configured for each ID) is the same as without the cap. Reported where the first diagnostic not shown would be.",
        };

        /// <summary>Every rule, in ID order.</summary>
        public static IReadOnlyList<DigestRule> All { get; } = new[]
        {
            FrontMatterMissing, FrontMatterUnclosed, YamlSyntax, RequiredKeyMissing, UnknownKey, WrongType,
            UnreadableDate, SlugMismatch, TitleDescriptionMismatch, TitleDateAfterPostDate, DuplicateKey, YamlTooComplex,
            MalformedHeading, EmptyTitle, NumberingGap, DuplicateNumber, MissingAuthors, MissingMetrics, MissingLinks,
            MissingCategories, UnexpectedContent, EmptyAuthor, BodyUnreadable, NotText, DuplicatePaper, LineSeparatorInValue, BlockUnreadable,
            InvalidCount, UnreadableTimestamp, ImpossibleTimestamp, TimestampBeforePost, ScoreOrder, MalformedMetrics,
            AbsLinkMissing, PdfLinkMissing, MalformedUrl, IdentifierMismatch, InvalidArxivId, IdentifierFromFuture,
            CategoryLabelMismatch, UnknownCategory, TweetLinkNotStatus, TweetHandleMismatch, TweetDateMismatch,
            MalformedTweet, MalformedLinksLine,
            MojibakeInAuthor, MojibakeInText, ReplacementCharacter, BidiControl, ControlCharacter, UncertainMojibake,
            DuplicateSlug, InconsistentPaper,
            UnknownSlug, UnknownPaper, UnknownAuthor, UnknownCategoryName,
            InternalError, NotEmbedded, ContentMatchesNothing, UnusableFileName, DiagnosticsOmitted,
        };

        public static DigestRule? Find(string id)
        {
            foreach (var rule in All)
            {
                if (rule.Id == id)
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
