using System;
using System.Collections.Generic;
using System.Globalization;
using DigestKit.Analyzers.Generator.Model;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// The emit half of the generator: model in, C# out. Knows nothing of Markdown or YAML. The <c>Digests</c>
    /// class: <c>All</c> and <c>Find</c> over a catalog (slug and key of each digest, one literal), and one file
    /// per digest adding its property. Where the data lives is one question, asked of
    /// <see cref="DigestDataSource"/> (the resource pack, or literals), and nothing else here depends on the mode.
    /// </summary>
    public static class DigestEmitter
    {
        public const string DigestsClassName = "Digests";

        /// <summary>Digests per <c>__Create{n}</c> switch, keeping each method far below the JIT's size limits.</summary>
        public const int CreateChunkSize = 128;

        /// <summary>Names this assembly and its version (major.minor.build, as Directory.Build.props sets it).</summary>
        private static readonly string GeneratedCodeAttribute =
            "[global::System.CodeDom.Compiler.GeneratedCode(\"DigestKit.Analyzers\", \"" + ToolVersion() + "\")]";

        private static string ToolVersion() =>
            typeof(DigestEmitter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        /// <summary>The hint name of one digest's file.</summary>
        public static string DigestHintName(string key) => DigestsClassName + "." + key + ".g.cs";

        public const string CatalogHintName = DigestsClassName + ".g.cs";

        /// <summary>The class name holding one digest's data.</summary>
        public static string DataClassName(string key) => "__Digest_" + key;

        /// <summary>
        /// One digest's data code (<see cref="DigestDataSource.DigestMembers"/>): in literal mode its data class (a nested
        /// class of <c>Digests</c>, written at the indentation of <see cref="EmitDigestFile"/>); in resource mode nothing,
        /// the build task embedded the data.
        /// </summary>
        public static string EmitDigest(DigestSpec digest, EmitOptions options) => DigestDataSource.For(options).DigestMembers(digest, options);

        /// <summary>
        /// One digest's file: its property on <c>Digests</c>, documented with its slug, date and path, and its data
        /// (<see cref="EmitDigest"/>). Only concatenation: everything that can fail happened in the pipeline.
        /// </summary>
        public static string EmitDigestFile(DigestOutput output, EmitOptions options)
        {
            var entry = output.Source.Entry;
            var index = output.Name.Index.ToString(CultureInfo.InvariantCulture);
            var writer = new SourceWriter();
            WriteHeader(writer, options);
            OpenNamespace(writer, options);
            writer.OpenBlock("public static partial class " + DigestsClassName);
            writer.WriteLine(entry.NotEmbedded is null
                ? "/// <summary>" + Describe(entry) + ": <c>All[" + index + "]</c>.</summary>"
                : "/// <summary>" + Describe(entry) + ", which is not embedded (the build reported why): reading it throws <see cref=\"global::System.InvalidOperationException\"/>.</summary>");
            // Mapped to the digest's first line, its front matter: go-to-definition on the property opens the Markdown
            // there. For this one line only, so any other diagnostic in generated code keeps its generated location.
            var mapped = LineDirectivePath(entry.FullPath);
            if (mapped is not null)
            {
                writer.WriteLine("#line 1 \"" + mapped + "\"");
            }

            // A getter with a throw statement, not a throw expression, so every language version compiles it.
            writer.WriteLine("public static global::DigestKit.Digest " + output.Name.Name + (entry.NotEmbedded is null
                ? " => __all[" + index + "];"
                : " { get { throw new global::System.InvalidOperationException(" + CSharpLiteral.Quote(entry.NotEmbedded, utf8: false) + "); } }"));
            if (mapped is not null)
            {
                writer.WriteLine("#line default");
            }
            writer.WriteRaw(output.Source.Code ?? string.Empty);
            writer.CloseBlock();
            CloseNamespace(writer, options);
            return writer.ToString();
        }

        /// <summary>
        /// The path as a <c>#line</c> directive can carry it (a directive's file name has no escapes), or null for a
        /// path that it cannot (empty, or holding a quote or a line break), which then maps nowhere.
        /// </summary>
        private static string? LineDirectivePath(string path)
        {
            if (path.Length == 0)
            {
                return null;
            }

            foreach (var c in path)
            {
                if (c == '"' || c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                {
                    return null;
                }
            }

            return path;
        }

        /// <summary>"The digest <c>slug</c> of 2021-06-21, from <c>content/x.md</c>", every value made safe for a doc comment.</summary>
        private static string Describe(CatalogEntry entry)
        {
            var text = "The digest";
            if (entry.Slug.Length != 0)
            {
                text += " <c>" + CSharpLiteral.DocText(entry.Slug) + "</c>";
            }

            if (entry.Date is { } date)
            {
                text += " of " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            return text + ", from <c>" + CSharpLiteral.DocText(entry.SourcePath) + "</c>";
        }

        internal static int MemberIndent(EmitOptions options) => options.Namespace.Length != 0 ? 2 : 1;

        /// <summary>The <c>Digests</c> class: <c>All</c> in date order and lookup by slug (each digest's file adds its property).</summary>
        public static string EmitCatalog(CatalogSpec catalog)
        {
            var options = catalog.Options;
            var entries = Order(Embedded(catalog.Entries));
            var nullable = options.NullableAnnotations ? "?" : string.Empty;

            var writer = new SourceWriter();
            WriteHeader(writer, options);
            OpenNamespace(writer, options);
            writer.WriteLine("/// <summary>The digests embedded by DigestKit from this project's content, in date order.</summary>");
            writer.WriteLine(GeneratedCodeAttribute);
            writer.OpenBlock("public static partial class " + DigestsClassName);

            var catalogData = CSharpLiteral.Quote(
                DigestBlobWriter.WriteCatalog(entries.ConvertAll(e => new KeyValuePair<string, string>(e.Slug, e.Key))),
                options.Utf8Literals) + (options.Utf8Literals ? ".ToArray()" : string.Empty);
            var data = DigestDataSource.For(options);
            writer.WriteLine("private static readonly global::DigestKit.DigestCollection __all =");
            writer.Indent();
            writer.WriteLine(data.NewCollection(entries, catalogData, options) + ";");
            writer.Unindent();
            writer.WriteLine();
            writer.WriteLine("/// <summary>Every embedded digest, ordered by date (then slug); each is decoded on first access.</summary>");
            writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::DigestKit.Digest> All => __all;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The digest whose slug is <paramref name=\"slug\"/>, or null.</summary>");
            writer.WriteLine("public static global::DigestKit.Digest" + nullable + " Find(string slug) => __all.Find(slug);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The typed indexes, built at build time: papers by arXiv ID, by author, by category; the authors and categories present.</summary>");
            writer.WriteLine("public static global::DigestKit.DigestIndex Index => __all.Index;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The paper with this arXiv ID (any version) and every digest it appeared in, or null; decodes no digest.</summary>");
            writer.WriteLine("public static global::DigestKit.IndexedPaper" + nullable + " FindPaper(string arxivId) => __all.Index.FindPaper(arxivId);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Every paper by this author, accent- and case-insensitively (<see cref=\"global::DigestKit.IndexKeys.Author\"/>).</summary>");
            writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::DigestKit.PaperAppearance> ByAuthor(string name) => __all.Index.ByAuthor(name);");
            writer.WriteLine();
            writer.WriteLine("/// <summary>Every paper in this arXiv category (case-insensitive).</summary>");
            writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::DigestKit.PaperAppearance> InCategory(string category) => __all.Index.InCategory(category);");

            data.WriteMembers(writer, entries, options);

            writer.CloseBlock();
            CloseNamespace(writer, options);
            return writer.ToString();
        }

        /// <summary>
        /// Each digest's property name (from its slug, else the slug recovered from YAML that does not parse, else its file name; unique, a clash gets
        /// <c>_2</c>) and its index in <c>All</c> (-1 for a digest that is not embedded: it has only its property).
        /// </summary>
        public static DigestNames Names(CatalogSpec catalog)
        {
            // The embedded digests first, so that a digest that is not embedded never takes an embedded one's name.
            var entries = Order(Embedded(catalog.Entries));
            var embedded = entries.Count;
            var notEmbedded = new List<CatalogEntry>();
            foreach (var entry in catalog.Entries)
            {
                if (entry.NotEmbedded is not null)
                {
                    notEmbedded.Add(entry);
                }
            }

            entries.AddRange(Order(notEmbedded));
            var slugs = new string[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                slugs[i] = entry.Slug.Length != 0 ? entry.Slug : entry.NamingSlug.Length != 0 ? entry.NamingSlug : FileStem(entry.SourcePath);
            }

            var names = Identifiers.UniquePropertyNames(slugs);
            var byKey = new DigestName[entries.Count];
            for (var i = 0; i < byKey.Length; i++)
            {
                byKey[i] = new DigestName(entries[i].Key, names[i], i < embedded ? i : -1);
            }

            Array.Sort(byKey, (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return new DigestNames(new Engine.EquatableArray<DigestName>(byKey));
        }

        private static List<CatalogEntry> Embedded(IEnumerable<CatalogEntry> entries)
        {
            var list = new List<CatalogEntry>();
            foreach (var entry in entries)
            {
                if (entry.NotEmbedded is null)
                {
                    list.Add(entry);
                }
            }

            return list;
        }

        /// <summary><c>All</c>'s order: by date (undated last), then slug, then path, all ordinal.</summary>
        public static List<CatalogEntry> Order(IEnumerable<CatalogEntry> entries)
        {
            var list = new List<CatalogEntry>(entries);
            list.Sort((a, b) =>
            {
                var c = (a.Date.HasValue, b.Date.HasValue) switch
                {
                    (true, true) => a.Date!.Value.CompareTo(b.Date!.Value),
                    (true, false) => -1,
                    (false, true) => 1,
                    _ => 0,
                };
                if (c == 0) c = string.CompareOrdinal(a.Slug, b.Slug);
                if (c == 0) c = string.CompareOrdinal(a.SourcePath, b.SourcePath);
                return c;
            });
            return list;
        }

        private static string FileStem(string path)
        {
            var slash = path.LastIndexOf('/');
            var name = slash >= 0 ? path.Substring(slash + 1) : path;
            var dot = name.LastIndexOf('.');
            return dot > 0 ? name.Substring(0, dot) : name;
        }

        private static void WriteHeader(SourceWriter writer, EmitOptions options)
        {
            writer.WriteLine("// <auto-generated/>");
            writer.WriteLine("// Generated by DigestKit from Markdown digests. Do not edit: edit the digest instead.");
            if (options.NullableAnnotations)
            {
                writer.WriteLine("#nullable enable");
            }

            writer.WriteLine();
        }

        private static void OpenNamespace(SourceWriter writer, EmitOptions options)
        {
            if (options.Namespace.Length != 0)
            {
                writer.OpenBlock("namespace " + options.Namespace);
            }
        }

        private static void CloseNamespace(SourceWriter writer, EmitOptions options)
        {
            if (options.Namespace.Length != 0)
            {
                writer.CloseBlock();
            }
        }
    }
}
