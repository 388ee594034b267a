using System.Collections.Generic;

namespace DigestKit.Engine.Parsing
{
    /// <summary>Text -> <see cref="DigestDocument"/>, reporting whatever cannot be read. Used through <see cref="DigestEngine"/>.</summary>
    public static class DigestParser
    {
        public static DigestDocument Parse(string path, string text, List<DigestDiagnostic> diagnostics)
        {
            var context = new ParseContext(path, text, diagnostics);
            var frontMatter = FrontMatterParser.Parse(context, out var bodyStart);
            var papers = BodyParser.Parse(context, bodyStart);
            return new DigestDocument(path, frontMatter, papers, text.Length);
        }
    }
}
