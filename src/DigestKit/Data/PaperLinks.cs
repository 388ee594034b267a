using System.Collections.Generic;

namespace DigestKit.Data
{
    /// <summary>The fields of a paper decoded together on first access: identifier, links, categories.</summary>
    internal sealed class PaperLinks
    {
        public PaperLinks(string? arxivId, string absUrl, string pdfUrl, IReadOnlyList<string> categories)
        {
            ArxivId = arxivId;
            AbsUrl = absUrl;
            PdfUrl = pdfUrl;
            Categories = categories;
        }

        public string? ArxivId { get; }

        public string AbsUrl { get; }

        public string PdfUrl { get; }

        public IReadOnlyList<string> Categories { get; }
    }
}
