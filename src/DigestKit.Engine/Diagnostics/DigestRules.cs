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

        // Front matter (parser unless noted).
        public static readonly DigestRule FrontMatterMissing = new("DK1001", "Front matter is missing",
            "The digest does not start with a '---' front matter block", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "The file does not begin with a `---` line, so it has no front matter: the digest has no title, date or slug to embed.",
        };
        public static readonly DigestRule FrontMatterUnclosed = new("DK1002", "Front matter is not closed",
            "The front matter opened on line 1 is never closed by a '---' line", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "The front matter opened by `---` on line 1 is never closed by a second `---` line, so the whole file would be read as YAML.",
        };
        public static readonly DigestRule YamlSyntax = new("DK1003", "Front matter is not valid YAML",
            "Front matter YAML error: {0}", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "The front matter is not valid YAML; the message gives the YAML parser's error and the diagnostic sits where the parser stopped (on the tab, for a tab used as indentation). It is the only diagnostic for the front matter: keys after the error are not read, so they are not reported missing.",
        };
        public static readonly DigestRule RequiredKeyMissing = new("DK1004", "Required front matter key is missing",
            "Front matter key '{0}' is missing", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "One of the nine keys every digest has (`title`, `date`, `template`, `draft`, `slug`, `category`, `tags`, `description`, `socialImage`) is missing. Reported on the front matter's opening `---` line. Not reported when the file has no front matter at all (that is DK1001), nor when its YAML cannot be read (DK1003, DK1012).",
        };
        public static readonly DigestRule UnknownKey = new("DK1005", "Unknown front matter key",
            "Front matter key '{0}' is not one of {1}", FrontMatterCategory, DigestSeverity.Warning)
        {
            Description = "A top-level front matter key is not one of the nine known keys; often a misspelling (`socialimage`, `Title`). Reported on the key.",
        };
        public static readonly DigestRule WrongType = new("DK1006", "Front matter value has the wrong type",
            "Front matter key '{0}' has value '{1}', expected {2}", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "A known key holds a value of the wrong type: `draft` must be a boolean, `tags` a list of strings, the other keys scalars.",
        };
        public static readonly DigestRule UnreadableDate = new("DK1007", "Front matter date is unreadable",
            "Front matter date '{0}' is not a date like '2021-06-22T07:43:12.Z'", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "The `date` value cannot be read as a date and time. Real posts write `2021-06-22T07:43:12.Z` (a `.` with no fraction digits before `Z`, which DigestKit accepts).",
        };
        public static readonly DigestRule SlugMismatch = new("DK1008", "Slug disagrees with the title",
            "Slug '{0}' does not match the title's date: expected '{1}'", FrontMatterCategory, DigestSeverity.Warning)
        {
            Description = "The slug is not `hot-papers-` followed by the date in the title, so the post's URL would disagree with its title.",
        };
        public static readonly DigestRule TitleDescriptionMismatch = new("DK1009", "Title or description disagrees",
            "{0} '{1}' does not match: expected '{2}'", FrontMatterCategory, DigestSeverity.Warning)
        {
            Description = "The title is not of the form `Hot Papers YYYY-MM-DD` with a real date, or the description is not `Hot papers ` followed by the title's date. The message says which one and what was expected.",
        };
        public static readonly DigestRule TitleDateAfterPostDate = new("DK1010", "Title date is after the post date",
            "The title's date {0} is after the post's date {1}", FrontMatterCategory, DigestSeverity.Warning)
        {
            Description = "The date in the title (the day the papers were shared) is later than the post's `date` (when the post was written). A post cannot cover a day that had not happened yet; usually one of the two dates has a typo. Reported on the date inside the title.",
        };
        public static readonly DigestRule DuplicateKey = new("DK1011", "Duplicate front matter key",
            "Front matter key '{0}' appears more than once", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "A top-level key appears twice in the front matter; which value wins is unclear.",
        };
        public static readonly DigestRule YamlTooComplex = new("DK1012", "Front matter is too complex",
            "Front matter rejected: {0}", FrontMatterCategory, DigestSeverity.Error)
        {
            Description = "The front matter uses YAML features DigestKit refuses for safety or simplicity (anchors and aliases, very deep nesting, huge documents).",
        };

        // Structure of the body (parser).
        public static readonly DigestRule MalformedHeading = new("DK2001", "Malformed paper heading",
            "Paper heading '{0}' is not of the form '# N. Title'", StructureCategory, DigestSeverity.Error)
        {
            Description = "A `#` heading in the body is not of the form `# N. Title`, so it cannot be read as a ranked paper.",
        };
        public static readonly DigestRule EmptyTitle = new("DK2002", "Paper title is empty",
            "Paper {0} has an empty title", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper heading has a number but no title.",
        };
        public static readonly DigestRule NumberingGap = new("DK2003", "Paper numbering is not 1..N",
            "Paper number {0} is out of sequence: expected {1}", StructureCategory, DigestSeverity.Warning)
        {
            Description = "Papers are numbered 1..N in file order; this paper's number is not its position. Reported on the number. The diagnostic carries a fix renumbering the paper to its position (`digestkit fix`, or the code fix in the IDE); applying all of them renumbers the digest 1..N.",
            Fix = DigestFixes.Renumbering,
        };
        public static readonly DigestRule DuplicateNumber = new("DK2004", "Duplicate paper number",
            "Paper number {0} is used more than once", StructureCategory, DigestSeverity.Warning)
        {
            Description = "Two papers carry the same number. Reported on the second one's number, with a fix renumbering it to its position when that differs (`digestkit fix`, or the code fix in the IDE); with the DK2003 fixes it renumbers the digest 1..N in one run.",
            Fix = DigestFixes.Renumbering,
        };
        public static readonly DigestRule MissingAuthors = new("DK2005", "Paper has no author line",
            "Paper {0} has no author line", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper has no author line after its heading.",
        };
        public static readonly DigestRule MissingMetrics = new("DK2006", "Paper has no metrics line",
            "Paper {0} has no '- retweets: R, favorites: F (timestamp)' line", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper has no `- retweets: R, favorites: F (timestamp)` line.",
        };
        public static readonly DigestRule MissingLinks = new("DK2007", "Paper has no links line",
            "Paper {0} has no '- links: [abs](…) | [pdf](…)' line", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper has no `- links: [abs](…) | [pdf](…)` line.",
        };
        public static readonly DigestRule MissingCategories = new("DK2008", "Paper has no categories line",
            "Paper {0} has no categories line", StructureCategory, DigestSeverity.Error)
        {
            Description = "A paper has no line of category links.",
        };
        public static readonly DigestRule UnexpectedContent = new("DK2009", "Unexpected content",
            "Unexpected content '{0}' {1}", StructureCategory, DigestSeverity.Warning)
        {
            Description = "Text appears where the format has none (e.g. before the first paper, or a line the paper section does not expect). It is not embedded.",
        };
        public static readonly DigestRule EmptyAuthor = new("DK2010", "Empty author name",
            "Paper {0} has an empty author name in its author list", StructureCategory, DigestSeverity.Warning)
        {
            Description = "The author line has an empty name between two commas (or a trailing comma). Reported on the comma or blank where the name should be.",
        };
        public static readonly DigestRule BodyUnreadable = new("DK2011", "The body cannot be read",
            "The body cannot be read: {0}", StructureCategory, DigestSeverity.Error)
        {
            Description = "The body after the front matter cannot be read as Markdown at all, e.g. a line nests lists or quotes hundreds of levels deep (which would make the Markdown parser take quadratic time). No paper is read from the file.",
        };
        public static readonly DigestRule NotText = new("DK2012", "The file is not a text digest",
            "The file is not a text digest: {0}", StructureCategory, DigestSeverity.Error)
        {
            Description = "The file is binary, or not text in any encoding DigestKit reads: its first 8,192 characters hold at least 8 NUL characters, or at least 8 characters, and at least one in ten, that text does not hold (control characters, or bytes that are not valid UTF-8); or it is UTF-32 text (DigestKit, like the compiler, reads UTF-8 and UTF-16), which the message then names. It is the only diagnostic for the file: nothing else is read from it. Reported at the start of the file.",
        };
        public static readonly DigestRule DuplicatePaper = new("DK2013", "The same paper is listed twice",
            "Paper {0} is arXiv paper '{1}', already listed as paper {2}", StructureCategory, DigestSeverity.Warning)
        {
            Description = "Two papers of one digest have the same arXiv identifier: usually a paper pasted twice and renumbered. Reported on the second paper's heading, with the first one's heading as the related location.",
        };

        public static readonly DigestRule LineSeparatorInValue = new("DK2016", "Line separator inside a value",
            "The text holds the line separator {0} in {1}", StructureCategory, DigestSeverity.Warning)
        {
            Description = "The text holds U+2028 (LINE SEPARATOR), U+2029 (PARAGRAPH SEPARATOR) or U+0085 (NEXT LINE) outside the tweet HTML. Markdown and the editor's language server do not end a line there, but the compiler does, so the character splits a heading, an author line, a link or a front matter value in two for some tools and not for others. DigestKit keeps the whole value (the text after the character stays in the title) and reports the character, at its exact place.",
            Fix = DigestFixes.LineSeparator,
        };
        public static readonly DigestRule BlockUnreadable = new("DK2017", "A block cannot be read",
            "The Markdown parser failed on this block, which is skipped: {0}", StructureCategory, DigestSeverity.Error)
        {
            Description = "The Markdown parser (Markdig) threw an exception on this block of the body, a bug of the parser on unusual text (such as a `[` followed by one-letter lines and a final carriage return). The body is then read again a paper section, and within it a paragraph, at a time: only the block the parser fails on is skipped, and every other diagnostic of the file is still reported.",
        };

        // Metrics.
        public static readonly DigestRule InvalidCount = new("DK3001", "Count is not a non-negative integer",
            "{0} count '{1}' is not a non-negative integer", MetricsCategory, DigestSeverity.Error)
        {
            Description = "A retweets or favorites count is not a non-negative integer (a word, a decimal, a negative number). Reported on the count.",
        };
        public static readonly DigestRule UnreadableTimestamp = new("DK3002", "Metrics timestamp is unreadable",
            "Metrics timestamp '{0}' is not of the form MM/DD/YYYY HH:mm:ss", MetricsCategory, DigestSeverity.Error)
        {
            Description = "The timestamp in parentheses on the metrics line is not `MM/DD/YYYY HH:mm:ss`.",
        };
        public static readonly DigestRule ImpossibleTimestamp = new("DK3003", "Metrics timestamp is impossible",
            "Metrics timestamp '{0}' is not a real date and time", MetricsCategory, DigestSeverity.Error)
        {
            Description = "The timestamp has the right shape but is not a real date or time (month 13, 31 June, 25:00).",
        };
        public static readonly DigestRule TimestampBeforePost = new("DK3004", "Metrics timestamp is before the post date",
            "Metrics timestamp '{0}' is before the post's date {1}", MetricsCategory, DigestSeverity.Warning)
        {
            Description = "The metrics were measured before the post's `date`: they are taken when the post is written, so they are never earlier. Reported on the timestamp.",
        };
        public static readonly DigestRule ScoreOrder = new("DK3005", "Papers are not ordered by score",
            "Paper {0} has score {1} (retweets + favorites), higher than paper {2} above it with {3}", MetricsCategory, DigestSeverity.Warning)
        {
            Description = "Papers are ranked by score (retweets + favorites), highest first; this paper scores higher than the paper above it. Reported once per digest, on the heading of the first paper out of order; once that is fixed, the next inversion (if any) is reported.",
        };
        public static readonly DigestRule MalformedMetrics = new("DK3006", "Malformed metrics line",
            "Metrics line '{0}' is not of the form '- retweets: R, favorites: F (MM/DD/YYYY HH:mm:ss)'", MetricsCategory, DigestSeverity.Error)
        {
            Description = "A line starting with `- retweets` is not `- retweets: R, favorites: F (MM/DD/YYYY HH:mm:ss)`.",
        };

        // Links.
        public static readonly DigestRule AbsLinkMissing = new("DK4001", "abs link is missing",
            "Paper {0} has no [abs](…) link: {1}", LinksCategory, DigestSeverity.Error)
        {
            Description = "The links line has no `[abs](…)` link, so the paper's abstract page is unknown. When the line holds only a pdf link naming a valid identifier, the diagnostic carries a fix adding `[abs](https://arxiv.org/abs/ID)` before it, with the same identifier and version (`digestkit fix`, or the code fix in the IDE); the message says what to add.",
            Fix = DigestFixes.MissingLink,
        };
        public static readonly DigestRule PdfLinkMissing = new("DK4002", "pdf link is missing",
            "Paper {0} has no [pdf](…) link: {1}", LinksCategory, DigestSeverity.Error)
        {
            Description = "The links line has no `[pdf](…)` link. When the line holds only an abs link naming a valid identifier, the diagnostic carries a fix adding ` | [pdf](https://arxiv.org/pdf/ID)` after it, with the same identifier and version (`digestkit fix`, or the code fix in the IDE); the message says what to add.",
            Fix = DigestFixes.MissingLink,
        };
        public static readonly DigestRule MalformedUrl = new("DK4003", "Malformed link URL",
            "URL '{0}' is not valid: expected {1}", LinksCategory, DigestSeverity.Error)
        {
            Description = "A link URL is malformed or points to the wrong place: abs and pdf links must be `https://arxiv.org/abs/ID` and `https://arxiv.org/pdf/ID`, category links `https://arxiv.org/list/CATEGORY/recent`, tweet links `https://twitter.com/HANDLE/status/ID`. The message says what was expected.",
        };
        public static readonly DigestRule IdentifierMismatch = new("DK4004", "abs and pdf name different papers",
            "The pdf link names '{0}' but the abs link names '{1}'", LinksCategory, DigestSeverity.Error)
        {
            Description = "The abs and pdf links name different arXiv identifiers, so one of them points to another paper.",
        };
        public static readonly DigestRule InvalidArxivId = new("DK4005", "Invalid arXiv identifier",
            "'{0}' is not a valid arXiv identifier", LinksCategory, DigestSeverity.Error)
        {
            Description = "The identifier in the abs or pdf link is neither a new-style `YYMM.NNNNN` (4 digits after the dot before 2015) nor an old-style `archive/YYMMNNN` identifier.",
        };
        public static readonly DigestRule IdentifierFromFuture = new("DK4006", "arXiv identifier is newer than the digest",
            "arXiv identifier '{0}' is from {1}, after the digest's date {2}", LinksCategory, DigestSeverity.Warning)
        {
            Description = "The identifier's YYMM is later than the digest's date (the later of the title's date and the post's `date`): arXiv had not assigned that number yet. Reported on the identifier.",
        };
        public static readonly DigestRule CategoryLabelMismatch = new("DK4007", "Category label differs from its link",
            "Category label '{0}' differs from the category '{1}' its link names", LinksCategory, DigestSeverity.Warning)
        {
            Description = "A category link's label is not the category its URL lists. Reported on the label.",
        };
        public static readonly DigestRule UnknownCategory = new("DK4008", "Unknown arXiv category",
            "'{0}' is not a category in arXiv's taxonomy", LinksCategory, DigestSeverity.Warning)
        {
            Description = "A category is not in arXiv's taxonomy (current categories, their aliases such as `cs.NA`/`math.NA`, and the legacy archives like `chao-dyn`). Case matters: `cs.lg` is not a category.",
        };
        public static readonly DigestRule TweetLinkNotStatus = new("DK4009", "Tweet link is not a status URL",
            "Tweet link '{0}' is not a status URL like 'https://twitter.com/handle/status/ID'", LinksCategory, DigestSeverity.Warning)
        {
            Description = "An embedded tweet's date link is not a status URL `https://twitter.com/HANDLE/status/ID`, so the tweet cannot be identified or dated. Reported on the URL.",
        };
        public static readonly DigestRule TweetHandleMismatch = new("DK4010", "Tweet handle differs from its link",
            "Tweet handle '@{0}' differs from '@{1}' in its status link", LinksCategory, DigestSeverity.Warning)
        {
            Description = "The `(@handle)` written in the tweet differs from the handle in its status link (compared ignoring case), so the tweet is attributed to the wrong account. Reported on the handle.",
        };
        public static readonly DigestRule TweetDateMismatch = new("DK4011", "Tweet date disagrees with its status ID",
            "Tweet date '{0}' disagrees with {1}, the date its status ID encodes", LinksCategory, DigestSeverity.Warning)
        {
            Description = "A status ID is a snowflake: `(ID >> 22) + 1288834974657` is the tweet's Unix time in milliseconds. The tweet's date text is more than one day (time zones) away from that date. Reported on the date text.",
        };
        public static readonly DigestRule MalformedTweet = new("DK4012", "Malformed embedded tweet",
            "Embedded tweet is malformed: {0}", LinksCategory, DigestSeverity.Warning)
        {
            Description = "An embedded tweet's HTML lacks a part of Twitter's oEmbed shape: the `<p>` text, the `&mdash; NAME (@handle)` credit, the status link or the closing `</blockquote>`.",
        };
        public static readonly DigestRule MalformedLinksLine = new("DK4013", "Malformed links line",
            "Links line '{0}' is not of the form '- links: [abs](…) | [pdf](…)'", LinksCategory, DigestSeverity.Error)
        {
            Description = "A line starting with `- links` is not `- links: [abs](…) | [pdf](…)`.",
        };

        // Encoding (rules).
        public static readonly DigestRule MojibakeInAuthor = new("DK5001", "Mis-encoded author name",
            "Author name '{0}' looks mis-encoded ({1}): did you mean '{2}'?", EncodingCategory, DigestSeverity.Warning)
        {
            Description = "An author name holds mojibake: UTF-8 bytes decoded with the wrong character set (Mac OS Roman, Windows-1252 or Latin-1, sometimes twice, sometimes Windows-1252 and Latin-1 mixed in one run, sometimes CESU-8 surrogate halves of an emoji). The message names the decoding it undid (\"UTF-8 read as Mac OS Roman\") and the repaired name, and the diagnostic carries a fix replacing the whole name with it. Quoted names longer than 80 characters are cut, with an ellipsis.",
            Fix = DigestFixes.MisencodedText,
        };
        public static readonly DigestRule MojibakeInText = new("DK5002", "Mis-encoded text",
            "Text '{0}' looks mis-encoded ({1}): did you mean '{2}'?", EncodingCategory, DigestSeverity.Info)
        {
            Description = "Text other than an author name (a title, an abstract, tweet HTML, a front matter value) holds mojibake. One diagnostic per mis-encoded run, each with a fix replacing it with the repaired text.",
            Fix = DigestFixes.MisencodedText,
        };
        public static readonly DigestRule ReplacementCharacter = new("DK5003", "Replacement character",
            "The text holds U+FFFD, the replacement character: the original character was lost in {0}", EncodingCategory, DigestSeverity.Warning)
        {
            Description = "The text holds U+FFFD, the replacement character a decoder writes for bytes it could not read: the original character is lost and cannot be repaired automatically. One diagnostic per run.",
        };
        public static readonly DigestRule BidiControl = new("DK5004", "Invisible direction override",
            "The text holds the invisible bidirectional control {0} in {1}", EncodingCategory, DigestSeverity.Warning)
        {
            Description = "The text holds an invisible bidirectional control (U+202A–U+202E, U+2066–U+2069) outside the tweet HTML. These can make text display in a different order than it is stored (“Trojan Source”). Tweets are exempt: right-to-left tweets legitimately hold them.",
        };
        public static readonly DigestRule ControlCharacter = new("DK5005", "Control character",
            "The text holds the control character {0} in {1}", EncodingCategory, DigestSeverity.Warning)
        {
            Description = "The text holds a C0 or C1 control character (other than tab, CR and LF), such as NUL, form feed or ESC (U+0085, NEXT LINE, is a line separator: DK2016). They are invisible and usually the residue of a broken conversion. Control characters inside a run reported as mojibake (DK5001/DK5002) are left to that diagnostic.",
        };
        public static readonly DigestRule UncertainMojibake = new("DK5006", "Possibly mis-encoded text",
            "Text '{0}' may be mis-encoded, but its readings disagree ({1}): it is left as it is", EncodingCategory, DigestSeverity.Info)
        {
            Description = "Two code pages both read these characters as UTF-8 mojibake, and read them differently: Windows-1252 makes a strong case for part of them, Mac OS Roman for all of them. Neither repair is sure, so DigestKit applies none (no fix is offered) and says what each reading would give. A wrong repair of a name is worse than a missed one.",
        };

        // Across files (rules over several documents).
        public static readonly DigestRule DuplicateSlug = new("DK6001", "Duplicate slug",
            "Slug '{0}' is also used by {1}", CrossFileCategory, DigestSeverity.Error)
        {
            Description = "Two digests declare the same slug, so both would be published at the same URL. Reported on every later file's slug (files in path order), naming the first file. It is computed at the end of a compilation, across all digests: in an IDE it appears with full-solution analysis, and always in a build.",
        };
        public static readonly DigestRule InconsistentPaper = new("DK6002", "Same paper with different metadata",
            "arXiv paper '{0}' has a different {1} in {2}", CrossFileCategory, DigestSeverity.Info)
        {
            Description = "The same arXiv paper appears in two digests with a different title or author list. This can be legitimate (a new arXiv version changed the title) and is only a note; it can also reveal a copy error or mojibake in one of them. Reported on the later file's title or author line (files in path order). Computed at the end of a compilation, like DK6001.",
        };

        // C# code that uses the content: a constant passed to a generated lookup by name (DigestUsageAnalyzer). The
        // last argument says what to do: "did you mean '…'?", or that nothing is embedded.
        public static readonly DigestRule UnknownSlug = new("DK7001", "No embedded digest has this slug",
            "No embedded digest has the slug '{0}': {1}", UsageCategory, DigestSeverity.Warning)
        {
            Description = "A compile-time constant passed to `Digests.Find` names no slug of the digests this project embeds, so the lookup returns nothing at run time. It is reported at the argument's exact span (a literal, or the name of a `const string`), with the embedded slug nearest by edit distance. Only constants are checked: a literal, a `const string`, or an interpolated string of constants. A variable or a non-constant interpolated string (`$\"hot-papers-{year}\"`) is known only at run time and is not checked. A digest with an error embeds nothing, so its names do not count.",
        };
        public static readonly DigestRule UnknownPaper = new("DK7002", "No embedded digest has this arXiv paper",
            "No embedded digest has the arXiv paper '{0}': {1}", UsageCategory, DigestSeverity.Warning)
        {
            Description = "A compile-time constant passed to `Digests.FindPaper` or `Digests.Index.FindPaper` names no arXiv ID of the digests this project embeds, so the lookup returns nothing at run time. It is reported at the argument's exact span (a literal, or the name of a `const string`), with the embedded arXiv ID nearest by edit distance. Only constants are checked: a literal, a `const string`, or an interpolated string of constants. A variable or a non-constant interpolated string (`$\"hot-papers-{year}\"`) is known only at run time and is not checked. A digest with an error embeds nothing, so its names do not count.",
        };
        public static readonly DigestRule UnknownAuthor = new("DK7003", "No embedded paper has this author",
            "No embedded paper has the author '{0}': {1}", UsageCategory, DigestSeverity.Warning)
        {
            Description = "A compile-time constant passed to `Digests.ByAuthor` or `Digests.Index.ByAuthor`/`FindAuthor` names no author name of the digests this project embeds, so the lookup returns nothing at run time. It is reported at the argument's exact span (a literal, or the name of a `const string`), with the embedded author name nearest by edit distance. Only constants are checked: a literal, a `const string`, or an interpolated string of constants. A variable or a non-constant interpolated string (`$\"hot-papers-{year}\"`) is known only at run time and is not checked. A digest with an error embeds nothing, so its names do not count.",
        };
        public static readonly DigestRule UnknownCategoryName = new("DK7004", "No embedded paper has this category",
            "No embedded paper is in the category '{0}': {1}", UsageCategory, DigestSeverity.Warning)
        {
            Description = "A compile-time constant passed to `Digests.InCategory` or `Digests.Index.InCategory`/`FindCategory` names no category of the digests this project embeds, so the lookup returns nothing at run time. It is reported at the argument's exact span (a literal, or the name of a `const string`), with the embedded category nearest by edit distance. Only constants are checked: a literal, a `const string`, or an interpolated string of constants. A variable or a non-constant interpolated string (`$\"hot-papers-{year}\"`) is known only at run time and is not checked. A digest with an error embeds nothing, so its names do not count.",
        };

        // The engine itself.
        public static readonly DigestRule InternalError = new("DK9001", "DigestKit could not check this file",
            "DigestKit could not check this file: {0}", EngineCategory, DigestSeverity.Error)
        {
            Description = "DigestKit itself failed on this file (a bug, or a file so pathological that analysis took longer than `digestkit.analysis_timeout_seconds`, 60 by default). The other files are still checked.",
        };

        public static readonly DigestRule DiagnosticsOmitted = new("DK9020", "More diagnostics than are shown",
            "{0} more diagnostics in this file are not shown: {1}", EngineCategory, DigestSeverity.Info)
        {
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
            InternalError, DiagnosticsOmitted,
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
