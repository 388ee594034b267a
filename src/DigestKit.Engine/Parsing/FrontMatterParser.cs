using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// Finds the <c>---</c> block and reads it with YamlDotNet's event parser. Events, not the representation
    /// model, because the events carry exact marks (mapped back to file offsets here) and because aliases are
    /// never expanded: an alias is rejected with a diagnostic, so an exponential alias bomb costs nothing.
    /// </summary>
    internal static class FrontMatterParser
    {
        /// <summary>Front matter longer than this is rejected rather than parsed (real ones are ~300 bytes).</summary>
        internal const int MaxLength = 1 << 20;

        /// <summary>Collections nested deeper than this are rejected (real front matter nests one level).</summary>
        internal const int MaxDepth = 32;

        /// <summary>Reads the front matter, if any, and returns the offset where the body starts.</summary>
        public static FrontMatter? Parse(ParseContext context, out int bodyStart)
        {
            var text = context.Text;
            var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            var firstLineEnd = TextScanner.LineEnd(text, start);
            if (!IsDelimiter(text, start, firstLineEnd))
            {
                context.Report(DigestRules.FrontMatterMissing, context.FromBounds(start, firstLineEnd));
                bodyStart = start;
                return null;
            }

            var contentStart = TextScanner.NextLineStart(text, start);
            var line = contentStart;
            while (line < text.Length)
            {
                var lineEnd = TextScanner.LineEnd(text, line);
                if (IsDelimiter(text, line, lineEnd))
                {
                    bodyStart = TextScanner.NextLineStart(text, line);
                    return ParseYaml(context, context.FromBounds(start, lineEnd), contentStart, line);
                }

                line = TextScanner.NextLineStart(text, line);
            }

            context.Report(DigestRules.FrontMatterUnclosed, context.FromBounds(start, firstLineEnd));

            // Without a closing line nobody knows where the YAML ends; check the papers from the first heading on.
            bodyStart = FindFirstHeading(text, contentStart);
            return null;
        }

        private static bool IsDelimiter(string text, int start, int end)
        {
            var (s, e) = TextScanner.Trim(text, start, end);
            return s == start && e - s == 3 && string.CompareOrdinal(text, s, "---", 0, 3) == 0;
        }

        private static int FindFirstHeading(string text, int from)
        {
            var line = from;
            while (line < text.Length)
            {
                if (text[line] == '#')
                {
                    return line;
                }

                line = TextScanner.NextLineStart(text, line);
            }

            return text.Length;
        }

        private static FrontMatter ParseYaml(ParseContext context, SourceSpan blockSpan, int contentStart, int contentEnd)
        {
            var entries = new List<FrontMatterEntry>();
            if (contentEnd - contentStart > MaxLength)
            {
                context.Report(DigestRules.YamlTooComplex, blockSpan, $"it is {contentEnd - contentStart} characters long, more than the {MaxLength} allowed");
                return Build(context, blockSpan, entries, unreadable: true);
            }

            var reportedBefore = context.Diagnostics.Count;
            var reader = new YamlEventReader(context, contentStart, context.Text.Substring(contentStart, contentEnd - contentStart));
            try
            {
                reader.ReadDocument(entries);
            }
            catch (YamlException ex)
            {
                var offset = contentStart + (int)Math.Min(Math.Max(0, ex.Start.Index), contentEnd - contentStart);
                var endOffset = contentStart + (int)Math.Min(Math.Max(ex.Start.Index, ex.End.Index), contentEnd - contentStart);
                var message = ParseContext.Quote(YamlMessage(ex));
                if (YamlErrorHints.Find(context.Text, offset, contentEnd, message) is { } hint)
                {
                    context.Report(DigestRules.YamlSyntax, context.FromBounds(hint.Start, hint.End), message, hint.Text);
                }
                else
                {
                    context.Report(DigestRules.YamlSyntax, context.FromBounds(offset, Math.Max(offset, endOffset)), message, CorrectHere);
                }
            }
            catch (YamlTooComplexException ex)
            {
                context.Report(DigestRules.YamlTooComplex, ex.Span, ex.Message);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is ArgumentException || ex is FormatException || ex is OverflowException)
            {
                // YamlDotNet's scanner throws these on some malformed input instead of a YamlException.
                var offset = reader.LastOffset;
                context.Report(DigestRules.YamlSyntax, context.FromBounds(offset, TextScanner.LineEnd(context.Text, offset)), "the YAML could not be read after this point", CorrectHere);
            }

            var frontMatter = Build(context, blockSpan, entries, Unreadable(context, reportedBefore));
            return frontMatter.IsUnreadable
                ? frontMatter with { RecoveredSlug = RecoverSlug(context.Text, contentStart, contentEnd) }
                : frontMatter;
        }

        /// <summary>
        /// The value of the first top-level <c>slug:</c> line in the block, read without YAML: a plain scalar
        /// (up to a <c> #</c> comment), or a single- or double-quoted one closed on the same line; null when there
        /// is none or it is empty. One pass over the lines, so it is linear and never throws.
        /// </summary>
        internal static string? RecoverSlug(string text, int start, int end)
        {
            const string key = "slug:";
            for (var line = start; line < end; line = TextScanner.NextLineStart(text, line))
            {
                var lineEnd = Math.Min(TextScanner.LineEnd(text, line), end);
                if (lineEnd - line < key.Length || string.CompareOrdinal(text, line, key, 0, key.Length) != 0)
                {
                    continue; // indented (nested) or another key
                }

                var (s, e) = TextScanner.Trim(text, line + key.Length, lineEnd);
                var value = s < e ? ScalarOnLine(text, s, e) : null;
                return string.IsNullOrEmpty(value) ? null : value;
            }

            return null;
        }

        private static string? ScalarOnLine(string text, int s, int e)
        {
            var quote = text[s];
            if (quote == '\'' || quote == '"')
            {
                var builder = new System.Text.StringBuilder();
                for (var i = s + 1; i < e; i++)
                {
                    var c = text[i];
                    if (c == quote)
                    {
                        if (quote == '\'' && i + 1 < e && text[i + 1] == '\'')
                        {
                            builder.Append('\'');
                            i++;
                            continue;
                        }

                        return builder.ToString();
                    }

                    if (c == '\\' && quote == '"' && i + 1 < e)
                    {
                        var next = text[++i];
                        builder.Append(next == 't' ? '\t' : next);
                        continue;
                    }

                    builder.Append(c);
                }

                return null; // not closed on this line
            }

            for (var i = s; i < e; i++)
            {
                if (text[i] == '#' && char.IsWhiteSpace(text[i - 1]))
                {
                    e = i;
                    break;
                }
            }

            var (vs, ve) = TextScanner.Trim(text, s, e);
            return text.Substring(vs, ve - vs);
        }

        /// <summary>Whether the YAML was given up on (DK1003, DK1012) since <paramref name="from"/>.</summary>
        private static bool Unreadable(ParseContext context, int from)
        {
            // A compaction of a huge list (CappedDiagnostics) moves entries: then the whole list is looked at, which
            // holds no DK1003 or DK1012 but the front matter's.
            for (var i = context.Diagnostics is CappedDiagnostics { Compacted: true } ? 0 : from; i < context.Diagnostics.Count; i++)
            {
                var id = context.Diagnostics[i].Id;
                if (id == DigestRules.YamlSyntax.Id || id == DigestRules.YamlTooComplex.Id)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>DK1003's "what to do" when no hint says more.</summary>
        private const string CorrectHere = "correct the YAML at this point";

        /// <summary>
        /// YamlDotNet's message as the middle of DK1003's: without its position prefix (the span already says where),
        /// its trailing period, or the capital of its first word ("While scanning …" follows "not valid YAML: ").
        /// </summary>
        private static string YamlMessage(YamlException ex)
        {
            // YamlDotNet prefixes messages with "(Line: 2, Col: 1, Idx: 3) - (…): ".
            var message = ex.Message;
            var marker = message.IndexOf("): ", StringComparison.Ordinal);
            message = (marker >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(marker + 3) : message).Trim().TrimEnd('.');
            return message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
                ? char.ToLowerInvariant(message[0]) + message.Substring(1)
                : message;
        }

        private static FrontMatter Build(ParseContext context, SourceSpan blockSpan, List<FrontMatterEntry> entries, bool unreadable)
        {
            // After a YAML error the values read so far are still typed (a host may show them) but not reported on:
            // the YAML error is the one finding for the front matter.
            var typed = new FrontMatterTyping(context, entries, report: !unreadable);
            return new FrontMatter(
                blockSpan,
                new EquatableArray<FrontMatterEntry>(entries.ToArray()),
                typed.String("title"),
                typed.Date("date"),
                typed.String("template"),
                typed.Boolean("draft"),
                typed.String("slug"),
                typed.String("category"),
                typed.StringList("tags"),
                typed.String("description"),
                typed.String("socialImage"))
            {
                IsUnreadable = unreadable,
            };
        }

        /// <summary>Thrown inside the reader to abandon front matter that is nested too deeply or uses aliases.</summary>
        private sealed class YamlTooComplexException : Exception
        {
            public YamlTooComplexException(string message, SourceSpan span)
                : base(message) => Span = span;

            public SourceSpan Span { get; }
        }

        /// <summary>Walks YamlDotNet's events for one document whose top level must be a mapping.</summary>
        private sealed class YamlEventReader
        {
            private readonly ParseContext _context;
            private readonly int _offset;
            private readonly string _yaml;
            private readonly Parser _parser;

            public YamlEventReader(ParseContext context, int offset, string yaml)
            {
                _context = context;
                _offset = offset;
                _yaml = yaml;
                _parser = new Parser(new StringReader(yaml));
            }

            public int LastOffset { get; private set; }

            public void ReadDocument(List<FrontMatterEntry> entries)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                Expect<StreamStart>();
                var evt = Next();
                if (evt is StreamEnd)
                {
                    return; // an empty block: every required key is missing, which the rules report
                }

                if (evt is not DocumentStart)
                {
                    throw Unexpected(evt);
                }

                evt = Next();
                if (evt is Scalar empty && IsNull(empty))
                {
                    Expect<DocumentEnd>();
                    return;
                }

                if (evt is not MappingStart)
                {
                    _context.Report(DigestRules.YamlSyntax, SpanOf(evt), "the front matter must be a list of 'key: value' lines", "write one 'key: value' line per key");
                    return;
                }

                while (true)
                {
                    evt = Next();
                    if (evt is MappingEnd)
                    {
                        break;
                    }

                    if (evt is not Scalar key)
                    {
                        var span = SpanOf(evt);
                        SkipNode(evt, 1);
                        _context.Report(DigestRules.YamlSyntax, span, "a front matter key must be a plain name", "write the key as a plain name, such as 'title'");
                        SkipNode(Next(), 1);
                        continue;
                    }

                    var keySpan = SpanOf(key);
                    var entry = ReadValue(new Spanned<string>(key.Value, keySpan), Next());
                    if (!seen.Add(key.Value))
                    {
                        _context.Report(DigestRules.DuplicateKey, keySpan, key.Value);
                        continue;
                    }

                    entries.Add(entry);
                }

                Expect<DocumentEnd>();
                evt = Next();
                if (evt is not StreamEnd)
                {
                    _context.Report(DigestRules.YamlSyntax, SpanOf(evt), "the front matter holds more than one YAML document", "remove the extra '---' or '...' line");
                }
            }

            private FrontMatterEntry ReadValue(Spanned<string> key, ParsingEvent evt)
            {
                switch (evt)
                {
                    case Scalar scalar:
                        var span = SpanOf(scalar);
                        var raw = Raw(span);
                        return IsNull(scalar)
                            ? new FrontMatterEntry(key, FrontMatterValueKind.Null, null, raw, span, EquatableArray<Spanned<string>>.Empty)
                            : new FrontMatterEntry(key, FrontMatterValueKind.Scalar, scalar.Value, raw, span, EquatableArray<Spanned<string>>.Empty);
                    case SequenceStart sequence:
                        return ReadSequence(key, sequence);
                    case MappingStart mapping:
                        var end = SkipNode(mapping, 1);
                        var mappingSpan = TrimmedSpan(Offset(mapping.Start), end);
                        return new FrontMatterEntry(key, FrontMatterValueKind.Mapping, null, Raw(mappingSpan), mappingSpan, EquatableArray<Spanned<string>>.Empty);
                    case AnchorAlias alias:
                        throw new YamlTooComplexException($"YAML aliases ('*{alias.Value}') are not supported", SpanOf(alias));
                    default:
                        throw Unexpected(evt);
                }
            }

            private FrontMatterEntry ReadSequence(Spanned<string> key, SequenceStart sequence)
            {
                var items = new List<Spanned<string>>();
                var allScalars = true;
                int end;
                while (true)
                {
                    var evt = Next();
                    if (evt is SequenceEnd)
                    {
                        end = EndOf(evt);
                        break;
                    }

                    if (evt is Scalar item)
                    {
                        items.Add(new Spanned<string>(item.Value, SpanOf(item)));
                        end = Offset(item.End);
                        continue;
                    }

                    if (evt is AnchorAlias alias)
                    {
                        throw new YamlTooComplexException($"YAML aliases ('*{alias.Value}') are not supported", SpanOf(alias));
                    }

                    allScalars = false;
                    SkipNode(evt, 2);
                }

                var span = TrimmedSpan(Offset(sequence.Start), end);
                var kind = allScalars ? FrontMatterValueKind.Sequence : FrontMatterValueKind.Mapping;
                return new FrontMatterEntry(key, kind, null, Raw(span), span, new EquatableArray<Spanned<string>>(items.ToArray()));
            }

            /// <summary>Skips the node that <paramref name="first"/> starts; returns the offset where it ends.</summary>
            private int SkipNode(ParsingEvent first, int depth)
            {
                if (first is Scalar || first is AnchorAlias)
                {
                    if (first is AnchorAlias alias)
                    {
                        throw new YamlTooComplexException($"YAML aliases ('*{alias.Value}') are not supported", SpanOf(alias));
                    }

                    return Offset(first.End);
                }

                if (first is not MappingStart && first is not SequenceStart)
                {
                    throw Unexpected(first);
                }

                var nesting = 1;
                var deepest = depth;
                while (nesting > 0)
                {
                    var evt = Next();
                    if (evt is MappingStart || evt is SequenceStart)
                    {
                        nesting++;
                        if (depth + nesting - 1 > MaxDepth)
                        {
                            throw new YamlTooComplexException($"collections are nested more than {MaxDepth} levels deep", SpanOf(evt));
                        }

                        deepest = Math.Max(deepest, depth + nesting - 1);
                    }
                    else if (evt is MappingEnd || evt is SequenceEnd)
                    {
                        nesting--;
                        if (nesting == 0)
                        {
                            return EndOf(evt);
                        }
                    }
                    else if (evt is AnchorAlias alias)
                    {
                        throw new YamlTooComplexException($"YAML aliases ('*{alias.Value}') are not supported", SpanOf(alias));
                    }
                    else if (evt is StreamEnd || evt is DocumentEnd)
                    {
                        throw Unexpected(evt);
                    }
                }

                return Offset(first.End);
            }

            private ParsingEvent Next()
            {
                if (!_parser.MoveNext() || _parser.Current is null)
                {
                    throw new YamlException(Mark.Empty, Mark.Empty, "unexpected end of the front matter");
                }

                LastOffset = Offset(_parser.Current.Start);
                return _parser.Current;
            }

            private void Expect<T>()
                where T : ParsingEvent
            {
                var evt = Next();
                if (evt is not T)
                {
                    throw Unexpected(evt);
                }
            }

            private YamlException Unexpected(ParsingEvent evt) =>
                new YamlException(evt.Start, evt.End, $"unexpected {Describe(evt)}");

            private static string Describe(ParsingEvent evt) => evt switch
            {
                Scalar s => $"value '{ParseContext.Quote(s.Value)}'",
                DocumentStart => "second document",
                _ => evt.GetType().Name,
            };

            private static bool IsNull(Scalar scalar) =>
                scalar.Style == ScalarStyle.Plain && (scalar.Value.Length == 0 || scalar.Value == "~" ||
                                                      scalar.Value == "null" || scalar.Value == "Null" || scalar.Value == "NULL");

            /// <summary>Where a collection ends: a flow collection's end event starts at its ']' or '}' and
            /// YamlDotNet's end mark does not include it.</summary>
            private int EndOf(ParsingEvent end)
            {
                var offset = Offset(end.Start);
                return offset < _context.Text.Length && (_context.Text[offset] == ']' || _context.Text[offset] == '}') ? offset + 1 : offset;
            }

            private int Offset(Mark mark) => _offset + (int)Math.Max(0, Math.Min(mark.Index, _yaml.Length));

            private SourceSpan SpanOf(ParsingEvent evt)
            {
                var start = Offset(evt.Start);
                return _context.FromBounds(start, Math.Max(start, Offset(evt.End)));
            }

            private SourceSpan TrimmedSpan(int start, int end)
            {
                var (s, e) = TextScanner.Trim(_context.Text, start, Math.Max(start, end));
                return _context.FromBounds(s, e);
            }

            private string Raw(SourceSpan span) => _context.Text.Substring(span.Start, span.Length);
        }
    }
}
