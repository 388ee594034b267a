using System;
using System.Collections.Generic;

namespace DigestKit.Engine.Parsing
{
    /// <summary>Turns the known keys' raw entries into typed values, reporting values of the wrong type.</summary>
    internal sealed class FrontMatterTyping
    {
        private readonly ParseContext _context;
        private readonly bool _report;
        private readonly Dictionary<string, FrontMatterEntry> _entries = new Dictionary<string, FrontMatterEntry>(StringComparer.Ordinal);

        public FrontMatterTyping(ParseContext context, List<FrontMatterEntry> entries, bool report = true)
        {
            _context = context;
            _report = report;
            foreach (var entry in entries)
            {
                _entries[entry.Key.Value] = entry;
            }
        }

        public Spanned<string>? String(string key)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return null;
            }

            if (entry.Kind == FrontMatterValueKind.Scalar && entry.Value != null)
            {
                return new Spanned<string>(entry.Value, entry.ValueSpan);
            }

            WrongType(entry, "a text value");
            return null;
        }

        public Spanned<DateTime>? Date(string key)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return null;
            }

            if (entry.Kind != FrontMatterValueKind.Scalar || entry.Value == null)
            {
                WrongType(entry, "a date like '2021-06-22T07:43:12.Z'");
                return null;
            }

            if (DateParsing.TryParsePostDate(entry.Value, out var date))
            {
                return new Spanned<DateTime>(date, entry.ValueSpan);
            }

            if (_report)
            {
                _context.Report(DigestRules.UnreadableDate, entry.ValueSpan, ParseContext.Quote(entry.Value));
            }

            return null;
        }

        public Spanned<bool>? Boolean(string key)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return null;
            }

            // A quoted "false" is a string in YAML, which a site generator would treat as true: only plain words count.
            if (entry.Kind == FrontMatterValueKind.Scalar && entry.RawValue == entry.Value)
            {
                switch (entry.Value)
                {
                    case "true":
                    case "True":
                    case "TRUE":
                        return new Spanned<bool>(true, entry.ValueSpan);
                    case "false":
                    case "False":
                    case "FALSE":
                        return new Spanned<bool>(false, entry.ValueSpan);
                }
            }

            WrongType(entry, "true or false");
            return null;
        }

        public Spanned<EquatableArray<Spanned<string>>>? StringList(string key)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                return null;
            }

            if (entry.Kind == FrontMatterValueKind.Sequence)
            {
                return new Spanned<EquatableArray<Spanned<string>>>(entry.Items, entry.ValueSpan);
            }

            WrongType(entry, "a list of text values");
            return null;
        }

        private void WrongType(FrontMatterEntry entry, string expected)
        {
            if (!_report)
            {
                return;
            }

            _context.Report(DigestRules.WrongType, entry.Kind == FrontMatterValueKind.Null ? entry.Key.Span : entry.ValueSpan,
                entry.Key.Value, ParseContext.Quote(entry.RawValue), expected);
        }
    }
}
