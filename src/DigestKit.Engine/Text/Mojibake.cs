using System.Collections.Generic;

namespace DigestKit.Engine.Text
{
    /// <summary>
    /// A run of mis-encoded text: <see cref="Length"/> characters at <see cref="Start"/> of the searched string
    /// that read <see cref="Original"/> and should read <see cref="Repaired"/>. <see cref="Encoding"/> says how it
    /// happened, e.g. "UTF-8 read as Mac OS Roman".
    /// </summary>
    public sealed record MojibakeFinding(int Start, int Length, string Original, string Repaired, string Encoding);

    /// <summary>
    /// Characters that two code pages both read as mojibake, differently, with the weaker reading explaining more of
    /// them: no repair is sure, so none is made. <see cref="Readings"/> says what each page makes of them.
    /// </summary>
    public sealed record MojibakeUncertainty(int Start, int Length, string Original, string Readings);

    /// <summary>Detects and repairs UTF-8 text that was decoded with the wrong single-byte character set.</summary>
    public static class Mojibake
    {
        /// <summary>Every mis-encoded run in <paramref name="text"/>, in order, with its exact repair.</summary>
        /// <remarks>
        /// Covers UTF-8 read as Mac OS Roman, Windows-1252 or Latin-1, once or several times over. A run is the
        /// smallest stretch that re-encodes to valid UTF-8; runs are reported only when the evidence outweighs the
        /// chance that the text is simply correct (see <see cref="MojibakeEvidence"/>). Never throws.
        /// </remarks>
        public static IReadOnlyList<MojibakeFinding> Find(string text) => Find(text, null);

        /// <summary>Like <see cref="Find(string)"/>, and adds to <paramref name="uncertain"/> the runs left alone because
        /// two pages read them differently.</summary>
        public static IReadOnlyList<MojibakeFinding> Find(string text, List<MojibakeUncertainty>? uncertain)
        {
            if (string.IsNullOrEmpty(text))
            {
                return System.Array.Empty<MojibakeFinding>();
            }

            try
            {
                return MojibakeDetector.Find(text, uncertain);
            }
            catch (System.Exception)
            {
                // Engine code reports, it never throws: a detector bug must cost a missed finding, not a build.
                return System.Array.Empty<MojibakeFinding>();
            }
        }

        /// <summary><paramref name="text"/> with every mis-encoded run repaired (the same string when none is).</summary>
        public static string Repair(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            return Repair(text, Find(text));
        }

        /// <summary><paramref name="text"/> with <paramref name="findings"/> (from <see cref="Find"/> on it) applied.</summary>
        public static string Repair(string text, IReadOnlyList<MojibakeFinding> findings)
        {
            if (findings.Count == 0)
            {
                return text;
            }

            var builder = new System.Text.StringBuilder(text.Length);
            var position = 0;
            foreach (var finding in findings)
            {
                builder.Append(text, position, finding.Start - position).Append(finding.Repaired);
                position = finding.Start + finding.Length;
            }

            return builder.Append(text, position, text.Length - position).ToString();
        }
    }
}
