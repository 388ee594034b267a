namespace DigestKit.Engine
{
    public enum DigestSeverity
    {
        Info = 1,
        Warning = 2,
        Error = 3,
    }

    /// <summary>A replacement of <see cref="Length"/> characters at <see cref="Start"/> by <see cref="NewText"/>.</summary>
    public readonly record struct TextEdit(int Start, int Length, string NewText);

    /// <summary>
    /// One problem found in a digest. <see cref="Arguments"/> are the values formatted into the rule's message
    /// (the Roslyn analyzer passes them to its descriptor); <see cref="Fix"/>, when present, is a safe repair.
    /// </summary>
    public sealed record DigestDiagnostic(
        string Id,
        DigestSeverity Severity,
        string Message,
        string Path,
        SourceSpan Span,
        EquatableArray<string> Arguments,
        TextEdit? Fix = null)
    {
        /// <summary>
        /// Another place the finding is about (the first occurrence of what is repeated), which the hosts show as
        /// SARIF's relatedLocations, LSP's relatedInformation and Roslyn's additional locations.
        /// </summary>
        public DigestRelatedLocation? Related { get; init; }

        public override string ToString() => $"{Path}({Span.Line},{Span.Column}): {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
    }

    /// <summary>A place in <see cref="Path"/> related to a diagnostic, with what it is ("first listed here").</summary>
    public sealed record DigestRelatedLocation(string Path, SourceSpan Span, string Message);

    /// <summary>What the engine made of one file: the model and everything it found wrong.</summary>
    public sealed record DigestAnalysis(DigestDocument Document, EquatableArray<DigestDiagnostic> Diagnostics)
    {
        /// <summary>
        /// How many diagnostics the file had beyond <see cref="DigestEngine.MaxDiagnosticsPerFile"/>, counted by the
        /// DK9020 that ends <see cref="Diagnostics"/> in their place (0 when nothing was left out).
        /// </summary>
        public int OmittedCount { get; init; }

        /// <summary>Every diagnostic the file has, those left out included (the DK9020 that counts them is not one).</summary>
        public int TotalCount => OmittedCount == 0 ? Diagnostics.Count : Diagnostics.Count - 1 + OmittedCount;

        public bool HasErrors
        {
            get
            {
                foreach (var d in Diagnostics)
                {
                    if (d.Severity == DigestSeverity.Error)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// The first diagnostic that keeps the digest from being embedded (<see cref="DigestRule.BlocksEmbedding"/>),
        /// or null. Severities play no part: the generator, the build task (which cannot see .editorconfig) and the
        /// analyzer all decide from this alone.
        /// </summary>
        public DigestDiagnostic? Blocking
        {
            get
            {
                foreach (var d in Diagnostics)
                {
                    if (DigestRules.Find(d.Id) is not { } rule || rule.BlocksEmbedding)
                    {
                        return d;
                    }
                }

                return null;
            }
        }

        /// <summary>
        /// The one decision whether a digest is embedded, for every host: it has a front matter and no diagnostic that
        /// blocks embedding. A digest with other errors is embedded (those fields empty or at their default); its
        /// errors still fail the build unless the user lowered them.
        /// </summary>
        public bool Embeds => Document.FrontMatter is not null && Blocking is null;
    }
}
