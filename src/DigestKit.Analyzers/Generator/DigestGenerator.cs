using System;
using System.Collections.Immutable;
using System.Threading;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// Embeds every digest given as an AdditionalFile (see <see cref="DigestFiles"/>) as typed data:
    /// one generated file per digest, and one <c>Digests</c> class listing them.
    /// <para>
    /// Pipeline: <see cref="TrackingNames.Files"/> (path and text) -> <see cref="TrackingNames.Models"/> (one
    /// engine run per file, mapped to a value-equal model) -> <see cref="TrackingNames.Sources"/> (the digest's
    /// data code) -> <see cref="TrackingNames.Entries"/> -> <see cref="TrackingNames.Catalog"/> (the
    /// <c>Digests</c> class: <c>All</c>, <c>Find</c>) -> <see cref="TrackingNames.Names"/> (each digest's property
    /// name and index) -> <see cref="TrackingNames.Outputs"/> (a digest's data with its own name and index: one
    /// AddSource per digest, <c>Digests.KEY.g.cs</c>, holding its property and, in literal mode, its data).
    /// Editing one digest re-runs that digest's steps only; the catalog and the names re-run when a slug, date or
    /// the set of files changes, and they are small. The generator never reports diagnostics (the analyzer does, from the same
    /// engine) and never throws into the compiler: a file that fails embeds nothing.
    /// </para>
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DigestGenerator : IIncrementalGenerator
    {
        /// <summary>The names of the pipeline steps, for tests that assert what re-ran.</summary>
        public static class TrackingNames
        {
            public const string Options = "DigestKit.Options";
            public const string ProjectDirectory = "DigestKit.ProjectDirectory";
            public const string Files = "DigestKit.Files";
            public const string Models = "DigestKit.Models";
            public const string Sources = "DigestKit.Sources";
            public const string Entries = "DigestKit.Entries";
            public const string Catalog = "DigestKit.Catalog";
            public const string Names = "DigestKit.Names";
            public const string Outputs = "DigestKit.Outputs";
        }

        /// <summary>MSBuild properties the props file makes compiler-visible.</summary>
        public const string NamespaceProperty = "build_property.DigestKitNamespace";
        public const string RootNamespaceProperty = "build_property.RootNamespace";
        public const string ProjectDirectoryProperty = "build_property.MSBuildProjectDirectory";
        public const string EmbedsResourcesProperty = "build_property.DigestKitEmbedsResources";

        private readonly Func<string, string, DigestAnalysis>? _analyze;

        public DigestGenerator()
        {
        }

        /// <summary>For tests: a different engine entry point (e.g. one that hangs), run under the same time bound.</summary>
        internal DigestGenerator(Func<string, string, DigestAnalysis> analyze) => _analyze = analyze;

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var languageVersion = context.ParseOptionsProvider
                .Select(static (options, _) => options is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.Latest);

            var options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => (Namespace: ReadNamespace(provider.GlobalOptions), Resources: ReadEmbedsResources(provider.GlobalOptions)))
                .Combine(languageVersion)
                .Select(static (pair, _) => new EmitOptions(
                    pair.Left.Namespace,
                    Utf8Literals: pair.Right >= LanguageVersion.CSharp11,
                    NullableAnnotations: pair.Right >= LanguageVersion.CSharp8,
                    ResourceData: pair.Left.Resources))
                .WithTrackingName(TrackingNames.Options);

            var projectDirectory = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) =>
                    provider.GlobalOptions.TryGetValue(ProjectDirectoryProperty, out var dir) && !string.IsNullOrWhiteSpace(dir) ? dir.Trim() : string.Empty)
                .WithTrackingName(TrackingNames.ProjectDirectory);

            var resourceData = options.Select(static (o, _) => o.ResourceData);

            var files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => DigestFiles.IsDigest(pair.Left, pair.Right))
                .Select(static (pair, _) => (File: pair.Left, Timeout: AnalysisTimeLimit.Read(pair.Right.GetOptions(pair.Left).TryGetValue, pair.Right.GlobalOptions.TryGetValue)))
                .Combine(resourceData)
                .Select(static (pair, cancellationToken) => ReadFile(pair.Left.File, pair.Left.Timeout, pair.Right, cancellationToken))
                .WithTrackingName(TrackingNames.Files);

            var models = files
                .Combine(projectDirectory)
                .Combine(resourceData)
                .Select((pair, cancellationToken) => BuildModel(pair.Left.Left, pair.Left.Right, pair.Right, _analyze, cancellationToken))
                .WithTrackingName(TrackingNames.Models);

            var sources = models
                .Where(static model => model.Spec is not null || model.Entry is not null)
                .Combine(options)
                .Select(static (pair, _) => EmitDigest(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Sources);

            var catalog = sources
                .Select(static (source, _) => source.Code is null ? null : source.Entry)
                .WithTrackingName(TrackingNames.Entries)
                .Where(static entry => entry is not null)
                .Collect()
                .Combine(options)
                .Select(static (pair, _) => new CatalogSpec(pair.Right, ToEquatable(pair.Left)))
                .WithTrackingName(TrackingNames.Catalog);

            var names = catalog
                .Select(static (spec, _) => DigestEmitter.Names(spec))
                .WithTrackingName(TrackingNames.Names);

            // Each digest takes its own name and index out of the catalog's, so a digest whose place did not change
            // stays Unchanged when another is added, renamed or removed, and its file is not written again.
            var outputs = sources
                .Where(static source => source.Code is not null)
                .Combine(names)
                .Select(static (pair, _) => pair.Right.Find(pair.Left.Entry.Key) is { } name ? new DigestOutput(pair.Left, name) : null)
                .WithTrackingName(TrackingNames.Outputs)
                .Where(static output => output is not null)
                .Combine(options);

            context.RegisterSourceOutput(
                outputs,
                static (spc, pair) => spc.AddSource(
                    pair.Left!.Source.HintName, SourceText.From(DigestEmitter.EmitDigestFile(pair.Left, pair.Right), System.Text.Encoding.UTF8)));

            context.RegisterSourceOutput(catalog, static (spc, spec) => EmitCatalog(spc, spec));
        }

        /// <summary>
        /// The file's path and text as plain strings: the first step already holds no Roslyn object, and an
        /// unchanged text compares equal, so the engine does not run again for it.
        /// </summary>
        private static DigestFile ReadFile(AdditionalText file, TimeSpan timeout, bool resourceData, CancellationToken cancellationToken)
        {
            try
            {
                var text = file.GetText(cancellationToken);
                if (text is null)
                {
                    return new DigestFile(file.Path, null, Timeout: timeout);
                }

                // Resource mode needs the verdict only: when it is kept for this text, the text is not copied out.
                var checksum = AnalysisCache.Checksum(text);
                return resourceData && AnalysisCache.Shared.Find(file.Path, checksum) is { } kept
                    ? new DigestFile(file.Path, null, checksum, kept, timeout)
                    : new DigestFile(file.Path, text.ToString(), checksum, Timeout: timeout);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new DigestFile(file.Path, null);
            }
        }

        /// <summary>
        /// Literal mode: the full spec. Resource mode: only the catalog entry, from the engine's verdict kept across
        /// compilations (<see cref="AnalysisCache"/>, shared with the analyzer): a build starts a new generator driver,
        /// so without it every build ran the engine on every digest again.
        /// </summary>
        private static DigestModel BuildModel(DigestFile file, string projectDirectory, bool resourceData, Func<string, string, DigestAnalysis>? analyze, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sourcePath = DigestSpecBuilder.RelativePath(file.Path, projectDirectory);
            try
            {
                if (resourceData && file.Kept is { } kept)
                {
                    return new DigestModel(sourcePath, null, DigestSpecBuilder.AnyEntryOf(kept, sourcePath));
                }

                if (file.Text is null)
                {
                    return new DigestModel(sourcePath, null, DigestSpecBuilder.NotEmbeddedEntry(sourcePath, string.Empty, "the compiler could not read it", file.Path));
                }

                if (!resourceData)
                {
                    return DigestSpecBuilder.Build(file.Path, file.Text, projectDirectory, file.Timeout, analyze, cancellationToken);
                }

                var analysis = AnalysisCache.Shared.FindOrAnalyze(file.Path, file.Checksum, file.Text, file.Timeout, analyze, cancellationToken);
                return new DigestModel(sourcePath, null, DigestSpecBuilder.AnyEntryOf(analysis, sourcePath));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new DigestModel(sourcePath, null, DigestSpecBuilder.NotEmbeddedEntry(sourcePath, string.Empty, "DigestKit failed on it: " + ex.Message, file.Path));
            }
        }

        /// <summary>
        /// Emits in the pipeline rather than in the output callback, so that a digest whose code cannot be
        /// written drops out of the catalog as well: it embeds nothing, and the rest compiles.
        /// </summary>
        private static DigestSource EmitDigest(DigestModel model, EmitOptions options)
        {
            if (model.Spec is not { } digest)
            {
                // Resource mode: the build task embedded the data; the digest has a catalog entry and no code. Either
                // mode: a digest that is not embedded has its entry (its property throws) and no code.
                var entry = model.Entry!;
                return new DigestSource(DigestEmitter.DigestHintName(entry.Key), string.Empty, entry);
            }

            var specEntry = new CatalogEntry(digest.Key, digest.Slug, digest.Date, digest.SourcePath, DigestIndexWriter.WriteFragment(digest), model.FullPath, NamingSlug: digest.NamingSlug);
            try
            {
                return new DigestSource(DigestEmitter.DigestHintName(digest.Key), DigestEmitter.EmitDigest(digest, options), specEntry);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new DigestSource(DigestEmitter.DigestHintName(digest.Key), null, specEntry);
            }
        }

        private static void EmitCatalog(SourceProductionContext context, CatalogSpec spec)
        {
            string code;
            try
            {
                code = DigestEmitter.EmitCatalog(spec);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                code = DigestEmitter.EmitCatalog(new CatalogSpec(spec.Options, Engine.EquatableArray<CatalogEntry>.Empty));
            }

            context.AddSource(DigestEmitter.CatalogHintName, SourceText.From(code, System.Text.Encoding.UTF8));
        }

        private static bool ReadEmbedsResources(AnalyzerConfigOptions options) =>
            options.TryGetValue(EmbedsResourcesProperty, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static string ReadNamespace(AnalyzerConfigOptions options)
        {
            if (options.TryGetValue(NamespaceProperty, out var ns) && !string.IsNullOrWhiteSpace(ns))
            {
                return Identifiers.Namespace(ns);
            }

            return options.TryGetValue(RootNamespaceProperty, out var root) ? Identifiers.Namespace(root) : string.Empty;
        }

        private static Engine.EquatableArray<CatalogEntry> ToEquatable(ImmutableArray<CatalogEntry?> entries)
        {
            var array = new CatalogEntry[entries.Length];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = entries[i]!;
            }

            return new Engine.EquatableArray<CatalogEntry>(array);
        }
    }
}
