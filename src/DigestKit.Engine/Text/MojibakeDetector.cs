using System.Collections.Generic;

namespace DigestKit.Engine.Text
{
    /// <summary>
    /// Finds the mis-decoded runs of a string: every family is scanned for runs, each run is scored and peeled
    /// (a run read wrongly twice repairs to another run), overlapping readings keep the better-scored one, and weak
    /// runs survive only next to strong evidence of the same code page on the same line.
    /// </summary>
    internal static class MojibakeDetector
    {
        private const int MaxLayers = 3;

        public static IReadOnlyList<MojibakeFinding> Find(string text, List<MojibakeUncertainty>? uncertain = null)
        {
            var first = FirstSuspect(text);
            if (first < 0)
            {
                return System.Array.Empty<MojibakeFinding>();
            }

            var runs = new List<MojibakeRun>();
            foreach (var family in MojibakeFamily.All)
            {
                MojibakeRunScanner.Scan(text, first, family, runs);
            }

            var candidates = new List<Candidate>();
            foreach (var run in runs)
            {
                var candidate = Evaluate(text, run);
                if (candidate.Score >= MojibakeEvidence.Weak)
                {
                    candidates.Add(candidate);
                }
            }

            return Select(text, candidates, uncertain);
        }

        /// <summary>
        /// The index of the first character that decodes from a UTF-8 lead byte and is followed by one decoding from
        /// a continuation byte in the same family, or -1. Correct text almost never has one, so this single pass is
        /// all that most strings cost.
        /// </summary>
        public static int FirstSuspect(string text)
        {
            var roles = SuspectRoles;
            // "i < text.Length" (not "- 1") lets the JIT drop the bounds check on the hot path.
            for (var i = 0; i < text.Length; i++)
            {
                // ASCII and C1 are stepped over (no lead character of any page sits below U+00A0); inside a run of
                // other characters (a Japanese tweet) each is looked at in turn, with no vector test that would fail.
                var c = text[i];
                if (c < 0xA0)
                {
                    i = PlainText.SkipBelow(text, i, text.Length, '\u00A0');
                    if (i >= text.Length)
                    {
                        break;
                    }

                    c = text[i];
                }

                var leadOf = roles[c] & LeadRoles;
                if (leadOf != 0 && i + 1 < text.Length && (roles[text[i + 1]] & (leadOf << 1)) != 0)
                {
                    return i;
                }
            }

            return -1;
        }

        // Per UTF-16 code unit, bit 2k: a lead character of family k, bit 2k+1: a continuation character of family k.
        // One table read per non-ASCII character keeps the pre-check a single cheap pass.
        private const int LeadRoles = 0x5;

        private static readonly byte[] SuspectRoles = BuildSuspectRoles();

        private static byte[] BuildSuspectRoles()
        {
            var roles = new byte[0x10000];
            for (var k = 0; k < MojibakeFamily.All.Count; k++)
            {
                var family = MojibakeFamily.All[k];
                for (var c = 0; c < roles.Length; c++)
                {
                    if (family.IsLead((char)c))
                    {
                        roles[c] |= (byte)(1 << (2 * k));
                    }

                    if (family.IsContinuation((char)c))
                    {
                        roles[c] |= (byte)(2 << (2 * k));
                    }
                }
            }

            return roles;
        }

        private static Candidate Evaluate(string text, MojibakeRun run)
        {
            var repaired = run.Repaired();
            var score = MojibakeEvidence.Score(text, run, repaired);
            var pages = new List<SingleByteCodePage> { run.Family.PageFor(run.Pages) };
            if (score >= MojibakeEvidence.Weak)
            {
                while (pages.Count < MaxLayers && TryPeel(text, run.Start, run.End, repaired, pages[pages.Count - 1], out var inner, out var page))
                {
                    repaired = inner;
                    pages.Add(page);
                }
            }

            if (!MojibakeCodePointRules.IsFinal(repaired))
            {
                score = 0;
            }

            return new Candidate(run.Start, run.End - run.Start, repaired, score, run.Family, pages);
        }

        /// <summary>
        /// Text read wrongly twice repairs, after one step, to a string that is itself a whole mis-decoded run
        /// ("ÃƒÂ©" → "Ã©" → "é"). Peel it only if the whole repaired stretch is one run that scores at least weak
        /// in the original surroundings.
        /// </summary>
        /// <param name="outer">The page of the layer just peeled: an inner layer that it could also have produced is
        /// credited to it ("Ã©" is Windows-1252 and Latin-1 alike; after a Latin-1 layer, call it Latin-1).</param>
        private static bool TryPeel(string text, int start, int end, string repaired, SingleByteCodePage outer, out string inner, out SingleByteCodePage page)
        {
            inner = repaired;
            page = SingleByteCodePage.Windows1252;
            var left = text.Substring(start >= 2 ? start - 2 : 0, start >= 2 ? 2 : start);
            var right = text.Substring(end, text.Length - end >= 2 ? 2 : text.Length - end);
            var context = left + repaired + right;
            var best = int.MinValue;
            foreach (var family in MojibakeFamily.All)
            {
                var runs = new List<MojibakeRun>();
                MojibakeRunScanner.Scan(context, left.Length, family, runs);
                if (runs.Count == 0 || runs[0].Start != left.Length || runs[0].End != left.Length + repaired.Length)
                {
                    continue;
                }

                var candidate = runs[0].Repaired();
                var score = MojibakeEvidence.Score(context, runs[0], candidate);
                if (score >= MojibakeEvidence.Weak && score > best)
                {
                    best = score;
                    inner = candidate;
                    var samePage = IndexOf(family.Pages, outer);
                    page = samePage >= 0 && (runs[0].Pages & (1 << samePage)) != 0 ? outer : family.PageFor(runs[0].Pages);
                }
            }

            return best != int.MinValue;
        }

        private static int IndexOf(IReadOnlyList<SingleByteCodePage> pages, SingleByteCodePage page)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (pages[i] == page)
                {
                    return i;
                }
            }

            return -1;
        }

        private static IReadOnlyList<MojibakeFinding> Select(string text, List<Candidate> candidates, List<MojibakeUncertainty>? uncertain)
        {
            if (candidates.Count == 0)
            {
                return System.Array.Empty<MojibakeFinding>();
            }

            var kept = KeepBestReadings(text, candidates, uncertain);
            kept.Sort((a, b) => a.Start.CompareTo(b.Start));
            var findings = new List<MojibakeFinding>(kept.Count);
            var lineStart = 0;
            while (lineStart < kept.Count)
            {
                var lineEnd = EndOfLine(text, kept, lineStart);
                for (var k = lineStart; k < lineEnd; k++)
                {
                    var candidate = kept[k];
                    if (candidate.Score >= MojibakeEvidence.Strong || HasStrong(kept, lineStart, lineEnd, candidate.Family))
                    {
                        findings.Add(new MojibakeFinding(candidate.Start, candidate.Length,
                            text.Substring(candidate.Start, candidate.Length), candidate.Repaired, Describe(candidate.Pages)));
                    }
                }

                lineStart = lineEnd;
            }

            return findings;
        }

        /// <summary>Better evidence first; where two families read the same characters, the better reading wins.</summary>
        private static List<Candidate> KeepBestReadings(string text, List<Candidate> candidates, List<MojibakeUncertainty>? uncertain)
        {
            // Ties go to the earlier run, then to Windows-1252/Latin-1, far the commoner accident: List.Sort is not
            // stable, and a tie left to it picked a different reading from run to run.
            candidates.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score)
                : a.Start != b.Start ? a.Start.CompareTo(b.Start)
                : (a.Family == MojibakeFamily.WindowsLatin ? 0 : 1).CompareTo(b.Family == MojibakeFamily.WindowsLatin ? 0 : 1));
            // Per character, 1 + the index in kept of the candidate that claimed it: linear in the text however many
            // candidates a huge string holds.
            var claimed = RentClaims(text.Length);
            var kept = new List<Candidate>();
            var contested = new List<Candidate?>(); // per kept candidate: the wider reading of another page that disputes it
            try
            {
                Claim(claimed, candidates, kept, contested);
            }
            finally
            {
                ReturnClaims(claimed, kept);
            }

            return Settle(text, kept, contested, uncertain);
        }

        /// <summary>Longest text whose claims array a thread keeps for the next string (512 KB of it).</summary>
        private const int MaxPooledClaims = 1 << 17;

        // A claims array as long as the text, new for every file, is past 85 KB on a real post: on the large object
        // heap, each one costs the next gen-2 collection. So each thread keeps one, all zero between uses.
        [System.ThreadStatic]
        private static int[]? _claims;

        private static int[] RentClaims(int length)
        {
            if (length > MaxPooledClaims)
            {
                return new int[length];
            }

            var claims = _claims;
            if (claims is null || claims.Length < length)
            {
                claims = new int[length];
            }

            _claims = null; // not shared with a nested call while in use
            return claims;
        }

        /// <summary>Zeroes what <see cref="Claim"/> set (the kept candidates' characters, nothing else) and keeps the array.</summary>
        private static void ReturnClaims(int[] claims, List<Candidate> kept)
        {
            if (claims.Length > MaxPooledClaims)
            {
                return;
            }

            foreach (var candidate in kept)
            {
                System.Array.Clear(claims, candidate.Start, candidate.Length);
            }

            if (_claims is null || _claims.Length < claims.Length)
            {
                _claims = claims;
            }
        }

        private static void Claim(int[] claimed, List<Candidate> candidates, List<Candidate> kept, List<Candidate?> contested)
        {
            foreach (var candidate in candidates)
            {
                var owner = 0;
                for (var i = candidate.Start; i < candidate.Start + candidate.Length && owner == 0; i++)
                {
                    owner = claimed[i];
                }

                if (owner != 0)
                {
                    // Two code pages each read these characters as strong mojibake, and the weaker reading covers the
                    // stronger one and more ("—Ç–æ" is "то" in Mac OS Roman, while its "Ç–" is "ǖ" in Windows-1252).
                    var winner = kept[owner - 1];
                    var explainsMore = candidate.Start <= winner.Start && candidate.Start + candidate.Length >= winner.Start + winner.Length
                        && candidate.Length > winner.Length;
                    if (candidate.Score >= MojibakeEvidence.Weak && winner.Family != candidate.Family && explainsMore
                        && contested[owner - 1] is null && ClaimedOnlyBy(claimed, candidate, owner))
                    {
                        contested[owner - 1] = candidate;
                    }

                    continue;
                }

                kept.Add(candidate);
                contested.Add(null);
                for (var i = candidate.Start; i < candidate.Start + candidate.Length; i++)
                {
                    claimed[i] = kept.Count;
                }
            }
        }

        private static bool ClaimedOnlyBy(int[] claimed, Candidate candidate, int owner)
        {
            for (var i = candidate.Start; i < candidate.Start + candidate.Length; i++)
            {
                if (claimed[i] != 0 && claimed[i] != owner)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A disputed reading goes to the wider one when its line holds undisputed strong evidence of the wider one's
        /// page (a Russian tweet read as Mac OS Roman from end to end, "Наконец-то" among it; "„Å®" is "と" there,
        /// not "„Ů"); otherwise, if the wider reading is strong on its own, neither is sure, none is applied, and the
        /// dispute is reported.
        /// </summary>
        private static List<Candidate> Settle(string text, List<Candidate> kept, List<Candidate?> contested, List<MojibakeUncertainty>? uncertain)
        {
            var sure = new List<Candidate>(kept.Count);
            HashSet<(MojibakeFamily, int)>? strongLines = null;
            int[]? lineStarts = null;
            for (var k = 0; k < kept.Count; k++)
            {
                var wider = contested[k];
                if (wider is null)
                {
                    sure.Add(kept[k]);
                    continue;
                }

                if (strongLines is null)
                {
                    lineStarts = LineStarts(text);
                    strongLines = new HashSet<(MojibakeFamily, int)>();
                    for (var j = 0; j < kept.Count; j++)
                    {
                        if (contested[j] is null && kept[j].Score >= MojibakeEvidence.Strong)
                        {
                            strongLines.Add((kept[j].Family, LineOf(lineStarts, kept[j].Start)));
                        }
                    }
                }

                if (strongLines.Contains((wider.Family, LineOf(lineStarts!, wider.Start))))
                {
                    sure.Add(wider);
                    continue;
                }

                if (wider.Score < MojibakeEvidence.Strong)
                {
                    sure.Add(kept[k]); // a weak wider reading, with nothing on its line to support it, disputes nothing
                    continue;
                }

                uncertain?.Add(new MojibakeUncertainty(wider.Start, wider.Length, text.Substring(wider.Start, wider.Length),
                    Reading(text, wider, wider) + ", or " + Reading(text, wider, kept[k])));
            }

            return sure;
        }

        private static int[] LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            {
                starts.Add(i + 1);
            }

            return starts.ToArray();
        }

        private static int LineOf(int[] lineStarts, int position)
        {
            var index = System.Array.BinarySearch(lineStarts, position);
            return index >= 0 ? index : ~index - 1;
        }

        /// <summary>
        /// The index after the last candidate on the same line as kept[<paramref name="first"/>]. Weak evidence is
        /// supported only by strong evidence on its own line: a digest line is one field (an author list, an
        /// abstract, a tweet), and one bad name must not license "repairs" to an emoticon three papers further down.
        /// </summary>
        /// <summary>"'то' as UTF-8 read as Mac OS Roman": what <paramref name="reading"/> makes of the span of
        /// <paramref name="outer"/>, the characters it does not cover left as they are.</summary>
        private static string Reading(string text, Candidate outer, Candidate reading) =>
            "'" + text.Substring(outer.Start, reading.Start - outer.Start) + reading.Repaired
            + text.Substring(reading.Start + reading.Length, outer.Start + outer.Length - reading.Start - reading.Length)
            + "' as " + Describe(reading.Pages);

        private static int EndOfLine(string text, List<Candidate> kept, int first)
        {
            var end = first + 1;
            while (end < kept.Count)
            {
                var gapStart = kept[end - 1].Start + kept[end - 1].Length;
                if (text.IndexOf('\n', gapStart, kept[end].Start - gapStart) >= 0)
                {
                    break;
                }

                end++;
            }

            return end;
        }

        private static bool HasStrong(List<Candidate> kept, int from, int to, MojibakeFamily family)
        {
            for (var k = from; k < to; k++)
            {
                if (kept[k].Family == family && kept[k].Score >= MojibakeEvidence.Strong)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// "UTF-8 read as Mac OS Roman", "UTF-8 read as Windows-1252, twice", or for mixed accidents
        /// "UTF-8 read as Windows-1252, then as Mac OS Roman" (first accident first).
        /// </summary>
        /// <param name="pages">The pages peeled, outermost (last accident) first.</param>
        internal static string Describe(IReadOnlyList<SingleByteCodePage> pages)
        {
            var same = true;
            foreach (var page in pages)
            {
                same &= page == pages[0];
            }

            if (same)
            {
                var times = pages.Count == 1 ? string.Empty : pages.Count == 2 ? ", twice" : ", " + pages.Count + " times";
                return "UTF-8 read as " + pages[0].Name + times;
            }

            var description = "UTF-8 read as " + pages[pages.Count - 1].Name;
            for (var i = pages.Count - 2; i >= 0; i--)
            {
                description += ", then as " + pages[i].Name;
            }

            return description;
        }

        private sealed class Candidate
        {
            public Candidate(int start, int length, string repaired, int score, MojibakeFamily family, IReadOnlyList<SingleByteCodePage> pages)
            {
                Start = start;
                Length = length;
                Repaired = repaired;
                Score = score;
                Family = family;
                Pages = pages;
            }

            public int Start { get; }

            public int Length { get; }

            public string Repaired { get; }

            public int Score { get; }

            public MojibakeFamily Family { get; }

            public IReadOnlyList<SingleByteCodePage> Pages { get; }
        }
    }
}
