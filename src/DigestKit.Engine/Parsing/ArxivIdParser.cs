using System;

namespace DigestKit.Engine.Parsing
{
    /// <summary>
    /// arXiv identifiers. New style (April 2007 on): <c>YYMM.NNNN</c> up to 1412, <c>YYMM.NNNNN</c> from 1501.
    /// Old style: <c>archive[.SC]/YYMMNNN</c>, 1991 to March 2007. Either may end in a version <c>vN</c>.
    /// </summary>
    public static class ArxivIdParser
    {
        public static ArxivId? TryParse(string value, SourceSpan span)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            var body = value;
            int? version = null;
            var v = value.LastIndexOf('v');
            if (v > 0 && v < value.Length - 1 && AllDigits(value, v + 1, value.Length) && value.Length - v - 1 <= 4)
            {
                version = int.Parse(value.Substring(v + 1), System.Globalization.CultureInfo.InvariantCulture);
                if (version == 0)
                {
                    return null;
                }

                body = value.Substring(0, v);
            }

            var slash = body.IndexOf('/');
            return slash < 0 ? ParseNewStyle(body, version, span) : ParseOldStyle(body, slash, version, span);
        }

        private static ArxivId? ParseNewStyle(string body, int? version, SourceSpan span)
        {
            if (body.Length < 9 || body[4] != '.' || !AllDigits(body, 0, 4) || !AllDigits(body, 5, body.Length))
            {
                return null;
            }

            var yy = ((body[0] - '0') * 10) + (body[1] - '0');
            var month = ((body[2] - '0') * 10) + (body[3] - '0');
            var digits = body.Length - 5;
            var yymm = (yy * 100) + month;
            if (month < 1 || month > 12 || yymm < 704 || digits != (yymm < 1501 ? 4 : 5))
            {
                return null;
            }

            return new ArxivId(body, null, 2000 + yy, month, body.Substring(5), version, span);
        }

        private static ArxivId? ParseOldStyle(string body, int slash, int? version, SourceSpan span)
        {
            var archive = body.Substring(0, slash);
            var number = body.Substring(slash + 1);
            if (archive.Length == 0 || number.Length != 7 || !AllDigits(number, 0, 7) || !IsArchive(archive))
            {
                return null;
            }

            var yy = ((number[0] - '0') * 10) + (number[1] - '0');
            var month = ((number[2] - '0') * 10) + (number[3] - '0');
            var year = yy >= 91 ? 1900 + yy : 2000 + yy;
            if (month < 1 || month > 12 || year > 2007 || (year == 2007 && month > 3))
            {
                return null;
            }

            return new ArxivId(body, archive, year, month, number.Substring(4), version, span);
        }

        private static bool IsArchive(string archive)
        {
            // e.g. hep-th, math, cond-mat, math.AG (subject class in capitals after the dot)
            var dot = archive.IndexOf('.');
            var name = dot < 0 ? archive : archive.Substring(0, dot);
            foreach (var c in name)
            {
                if (!((c >= 'a' && c <= 'z') || c == '-'))
                {
                    return false;
                }
            }

            if (dot < 0)
            {
                return name.Length > 0;
            }

            var subject = archive.Substring(dot + 1);
            if (subject.Length != 2)
            {
                return false;
            }

            foreach (var c in subject)
            {
                if (c < 'A' || c > 'Z')
                {
                    return false;
                }
            }

            return name.Length > 0;
        }

        private static bool AllDigits(string s, int start, int end)
        {
            if (start >= end)
            {
                return false;
            }

            for (var i = start; i < end; i++)
            {
                if (s[i] < '0' || s[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static readonly string[] Hosts = { "https://arxiv.org/", "https://export.arxiv.org/", "https://www.arxiv.org/" };

        /// <summary>The identifier in an arXiv abs or pdf URL, e.g. <c>https://arxiv.org/pdf/2106.10155v2.pdf</c>.</summary>
        public static bool TryGetIdFromUrl(string url, string kind, out string id)
        {
            id = string.Empty;
            foreach (var host in Hosts)
            {
                // host + kind + "/" without building the string: this runs for every link of every paper.
                var start = host.Length + kind.Length + 1;
                if (url.Length <= start || !url.StartsWith(host, StringComparison.Ordinal) ||
                    string.CompareOrdinal(url, host.Length, kind, 0, kind.Length) != 0 || url[start - 1] != '/')
                {
                    continue;
                }

                var end = url.Length;
                if (kind == "pdf" && url.EndsWith(".pdf", StringComparison.Ordinal))
                {
                    end -= 4;
                }

                id = url.Substring(start, end - start);
                return true;
            }

            return false;
        }
    }
}
