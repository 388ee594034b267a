using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using DigestKit.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.Analyzers
{
    /// <summary>
    /// Reports every DigestKit diagnostic on the digest files of a compilation: the engine's per-file findings as
    /// each AdditionalFile is analyzed, and the cross-file rules (duplicate slugs, conflicting papers) at the end of
    /// the compilation. Never throws: a file the engine fails on, or takes too long on, gets DK9001 and the other
    /// files are still analyzed (in an IDE an escaping exception would be a silent AD0001 for every file).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
    public sealed class DigestAnalyzer : DiagnosticAnalyzer
    {
        private readonly Func<string, string, DigestAnalysis> _analyze;
        private readonly TimeSpan? _timeoutOverride;
        private readonly AnalysisCache? _cache;

        public DigestAnalyzer()
            : this(DigestEngine.Analyze, null, AnalysisCache.Shared)
        {
        }

        /// <summary>
        /// For tests: a different engine entry point (e.g. one that throws or hangs), time bound and cache of results
        /// across compilations (none: every compilation runs the engine on every file).
        /// </summary>
        internal DigestAnalyzer(Func<string, string, DigestAnalysis> analyze, TimeSpan? timeout, AnalysisCache? cache = null)
        {
            _analyze = analyze;
            _timeoutOverride = timeout;
            _cache = cache;
        }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DigestDescriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            var session = new CompilationSession();
            start.RegisterAdditionalFileAction(file => AnalyzeFile(file, session));
            start.RegisterCompilationEndAction(end => AnalyzeAcrossFiles(end, session));
        }

        private void AnalyzeFile(AdditionalFileAnalysisContext context, CompilationSession session)
        {
            var file = context.AdditionalFile;
            SourceText? text = null;
            AnalyzerConfigOptions? options = null;
            try
            {
                if (!DigestFiles.IsDigest(file, context.Options.AnalyzerConfigOptionsProvider))
                {
                    return;
                }

                options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);

                text = file.GetText(context.CancellationToken);
                if (text is null)
                {
                    Report(context.ReportDiagnostic, DigestDescriptors.InternalError, file.Path, null, default, options, "the file could not be read");
                    return;
                }

                var checksum = _cache is null ? string.Empty : AnalysisCache.Checksum(text);
                var analysis = _cache?.Find(file.Path, checksum);
                if (analysis is null)
                {
                    var timeout = Timeout(context.Options, file);
                    analysis = AnalysisTimeLimit.TryAnalyze(file.Path, text.ToString(), timeout, _analyze, context.CancellationToken);
                    if (analysis is null)
                    {
                        Report(context.ReportDiagnostic, DigestDescriptors.InternalError, file.Path, text, default, options, AnalysisTimeLimit.TimedOutMessage(timeout));
                        return;
                    }

                    analysis = _cache?.Add(file.Path, checksum, analysis) ?? analysis;
                }

                foreach (var diagnostic in analysis.Diagnostics)
                {
                    Report(context.ReportDiagnostic, diagnostic, file.Path, text, options);
                }

                ReportIfNotEmbedded(context, analysis, text, options);

                session.Add(file.Path, text, options, analysis.Document);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                TryReport(context.ReportDiagnostic, file.Path, text, options, ex);
            }
        }

        /// <summary>
        /// DK9005, which no configuration lowers, when the digest is not embedded (<see cref="DigestAnalysis.Blocking"/>)
        /// and the diagnostic that blocks it would not fail the build as the user configured it: so a green build
        /// has embedded every digest it names, and the reason is said once (nothing more when the blocking error stands).
        /// </summary>
        private static void ReportIfNotEmbedded(AdditionalFileAnalysisContext context, DigestAnalysis analysis, SourceText text, AnalyzerConfigOptions? options)
        {
            if (analysis.Embeds)
            {
                return;
            }

            var blocking = analysis.Blocking;
            var descriptor = blocking is null ? DigestDescriptors.Find(DigestRules.FrontMatterMissing.Id)! : DigestDescriptors.Find(blocking.Id) ?? DigestDescriptors.InternalError;
            var effective = SeverityConfiguration.Effective(context.Compilation.Options, options, descriptor, context.CancellationToken);
            if (effective == ReportDiagnostic.Error)
            {
                return;
            }

            Report(context.ReportDiagnostic, DigestDescriptors.NotEmbedded, context.AdditionalFile.Path, text, blocking?.Span ?? default, options,
                descriptor.Id, SeverityConfiguration.Name(effective));
        }

        private static void AnalyzeAcrossFiles(CompilationAnalysisContext context, CompilationSession session)
        {
            try
            {
                var documents = session.Documents();
                if (documents.Count < 2)
                {
                    return;
                }

                foreach (var diagnostic in DigestEngine.AnalyzeAcrossFiles(documents))
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var file = session.Find(diagnostic.Path);
                    Report(context.ReportDiagnostic, diagnostic, diagnostic.Path, file?.Text, file?.Options);
                }
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception)
            {
                // The engine turns its own failures into DK9001; anything else here is lost rather than
                // thrown, because an exception would take every per-file diagnostic down with it (AD0001).
            }
        }

        private TimeSpan Timeout(AnalyzerOptions options, AdditionalText file)
        {
            if (_timeoutOverride is { } fixedTimeout)
            {
                return fixedTimeout;
            }

            var provider = options.AnalyzerConfigOptionsProvider;
            return AnalysisTimeLimit.Read(provider.GetOptions(file).TryGetValue, provider.GlobalOptions.TryGetValue);
        }

        private static void Report(Action<Diagnostic> report, DigestDiagnostic diagnostic, string path, SourceText? text, AnalyzerConfigOptions? options)
        {
            var descriptor = DigestDescriptors.Find(diagnostic.Id) ?? DigestDescriptors.InternalError;
            var arguments = descriptor == DigestDescriptors.InternalError && diagnostic.Id != DigestRules.InternalError.Id
                ? new[] { diagnostic.Id + ": " + diagnostic.Message }
                : diagnostic.Arguments.ToArray();
            var location = string.IsNullOrEmpty(diagnostic.Path) ? path : diagnostic.Path;
            var additional = diagnostic.Related is { } related && related.Path == diagnostic.Path ? new[] { Locate(location, text, related.Span) } : null;
            Report(report, descriptor, location, text, diagnostic.Span, options, additional, arguments);
        }

        private static void Report(Action<Diagnostic> report, DiagnosticDescriptor descriptor, string path, SourceText? text, SourceSpan span, AnalyzerConfigOptions? options, params string[] arguments) =>
            Report(report, descriptor, path, text, span, options, null, arguments);

        private static void Report(Action<Diagnostic> report, DiagnosticDescriptor descriptor, string path, SourceText? text, SourceSpan span, AnalyzerConfigOptions? options, Location[]? additional, params string[] arguments)
        {
            var configured = SeverityConfiguration.IsConfigurable(descriptor) ? SeverityConfiguration.Configured(options, descriptor) : null;
            if (configured == ReportDiagnostic.Suppress)
            {
                return;
            }

            var location = Locate(path, text, span);
            var messageArguments = Pad(descriptor, arguments);
            var effective = configured is { } severity ? SeverityConfiguration.WithSeverity(descriptor, SeverityConfiguration.ToSeverity(severity)) : descriptor;
            report(Diagnostic.Create(effective, location, additional, messageArguments));
        }

        private static void TryReport(Action<Diagnostic> report, string path, SourceText? text, AnalyzerConfigOptions? options, Exception ex)
        {
            try
            {
                Report(report, DigestDescriptors.InternalError, path, text, default, options, ex.GetType().Name + ": " + ex.Message);
            }
            catch (Exception)
            {
                // Reporting itself failed (e.g. the host rejected the location): nothing more can be said.
            }
        }

        /// <summary>
        /// The Roslyn location of an engine span, computed from the file's own SourceText so the line and column the
        /// build prints are the compiler's, clamped so a stale or odd span can never throw.
        /// </summary>
        internal static Location Locate(string path, SourceText? text, SourceSpan span)
        {
            if (string.IsNullOrEmpty(path))
            {
                return Location.None;
            }

            if (text is null)
            {
                var line = Math.Max(0, span.Line - 1);
                var start = new LinePosition(line, Math.Max(0, span.Column - 1));
                var end = new LinePosition(Math.Max(line, span.EndLine - 1), Math.Max(0, span.EndColumn - 1));
                if (end < start)
                {
                    end = start;
                }

                return Location.Create(path, new TextSpan(Math.Max(0, span.Start), Math.Max(0, span.Length)), new LinePositionSpan(start, end));
            }

            var startOffset = Math.Max(0, Math.Min(span.Start, text.Length));
            var length = Math.Max(0, Math.Min(span.Length, text.Length - startOffset));
            var textSpan = new TextSpan(startOffset, length);
            return Location.Create(path, textSpan, text.Lines.GetLinePositionSpan(textSpan));
        }

        /// <summary>Gives the message format at least as many arguments as it has placeholders.</summary>
        private static object[] Pad(DiagnosticDescriptor descriptor, string[] arguments)
        {
            var needed = Placeholders(descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture));
            var result = new object[Math.Max(needed, arguments.Length)];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = i < arguments.Length ? arguments[i] ?? string.Empty : string.Empty;
            }

            return result;
        }

        private static int Placeholders(string format)
        {
            var count = 0;
            for (var i = 0; i + 2 < format.Length; i++)
            {
                if (format[i] == '{' && char.IsDigit(format[i + 1]))
                {
                    var j = i + 1;
                    var n = 0;
                    while (j < format.Length && char.IsDigit(format[j]))
                    {
                        n = (n * 10) + (format[j] - '0');
                        j++;
                    }

                    count = Math.Max(count, n + 1);
                }
            }

            return count;
        }

        private sealed class AnalyzedFile
        {
            public AnalyzedFile(SourceText text, AnalyzerConfigOptions? options, DigestDocument document)
            {
                Text = text;
                Options = options;
                Document = document;
            }

            public SourceText Text { get; }

            public AnalyzerConfigOptions? Options { get; }

            public DigestDocument Document { get; }
        }

        /// <summary>The digests of one compilation, gathered for the cross-file rules at its end.</summary>
        private sealed class CompilationSession
        {
            private readonly ConcurrentDictionary<string, AnalyzedFile> _files =
                new ConcurrentDictionary<string, AnalyzedFile>(StringComparer.Ordinal);

            public void Add(string path, SourceText text, AnalyzerConfigOptions? options, DigestDocument document) =>
                _files[path] = new AnalyzedFile(text, options, document);

            public AnalyzedFile? Find(string path) => _files.TryGetValue(path ?? string.Empty, out var file) ? file : null;

            public IReadOnlyList<DigestDocument> Documents()
            {
                var documents = new List<DigestDocument>(_files.Count);
                foreach (var file in _files.Values)
                {
                    documents.Add(file.Document);
                }

                return documents;
            }
        }
    }
}
