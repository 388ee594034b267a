using System;
using System.Collections.Generic;
using System.Globalization;
using DigestKit.Analyzers.Generator.Model;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>
    /// Where the generated <c>Digests</c> class gets each digest's data: the one question of the emitter that depends
    /// on the mode (<see cref="EmitOptions.ResourceData"/>). Two answers. <see cref="ResourcePack"/>: the build task
    /// packed every digest into the manifest resource <see cref="DigestResources.PackResourceName"/>, found by key at
    /// run time, so no data is C# and a digest's file is its property alone. <see cref="Literals"/>: no build task ran
    /// (a project that references the analyzer without the targets, and the generator tests, which run the generator
    /// without MSBuild), so each digest's file holds its blob as one literal and <c>Digests</c> the index as another.
    /// </summary>
    internal abstract class DigestDataSource
    {
        public static DigestDataSource For(EmitOptions options) => options.ResourceData ? ResourcePack.Instance : Literals.Instance;

        /// <summary>The code one digest's generated file adds for its data (a nested class of <c>Digests</c>), or empty.</summary>
        public abstract string DigestMembers(DigestSpec digest, EmitOptions options);

        /// <summary>The expression creating the <c>DigestCollection</c> of <paramref name="entries"/> (in <c>All</c> order).</summary>
        public abstract string NewCollection(List<CatalogEntry> entries, string catalogData, EmitOptions options);

        /// <summary>Members the <c>Digests</c> class needs to reach the data, written after its public API.</summary>
        public abstract void WriteMembers(SourceWriter writer, List<CatalogEntry> entries, EmitOptions options);

        /// <summary>Resource mode: every digest in the build task's pack; generated code only names it.</summary>
        private sealed class ResourcePack : DigestDataSource
        {
            public static readonly ResourcePack Instance = new ResourcePack();

            public override string DigestMembers(DigestSpec digest, EmitOptions options) => string.Empty;

            public override string NewCollection(List<CatalogEntry> entries, string catalogData, EmitOptions options) =>
                "new global::DigestKit.DigestCollection(typeof(" + DigestEmitter.DigestsClassName + ").Assembly, "
                + CSharpLiteral.Quote(DigestResources.PackResourceName, utf8: false) + ", " + catalogData + ")";

            public override void WriteMembers(SourceWriter writer, List<CatalogEntry> entries, EmitOptions options)
            {
            }
        }

        /// <summary>
        /// Literal mode: each digest's blob as one <c>u8</c> literal (kept out of the 16 MB #US string heap) in its
        /// file's data class, created through switches of at most <see cref="DigestEmitter.CreateChunkSize"/> cases.
        /// </summary>
        private sealed class Literals : DigestDataSource
        {
            public static readonly Literals Instance = new Literals();

            public override string DigestMembers(DigestSpec digest, EmitOptions options)
            {
                var writer = new SourceWriter(DigestEmitter.MemberIndent(options));
                writer.WriteLine();
                writer.OpenBlock("private static class " + DigestEmitter.DataClassName(digest.Key));

                // One literal per digest: Roslyn compiles a chain of u8 literals joined by '+' about 1.5x slower
                // than the same bytes as one literal, and a const string needs no method at all.
                var data = CSharpLiteral.Quote(DigestBlobWriter.WriteDigest(digest), options.Utf8Literals);
                writer.WriteLine(options.Utf8Literals
                    ? "internal static global::System.ReadOnlySpan<byte> Data => " + data + ";"
                    : "internal const string Data = " + data + ";");
                writer.CloseBlock();
                return writer.ToString();
            }

            public override string NewCollection(List<CatalogEntry> entries, string catalogData, EmitOptions options) =>
                "new global::DigestKit.DigestCollection(" + entries.Count.ToString(CultureInfo.InvariantCulture) + ", __Create, "
                + catalogData + ", " + IndexLiteral(entries, options) + ")";

            public override void WriteMembers(SourceWriter writer, List<CatalogEntry> entries, EmitOptions options) =>
                WriteCreate(writer, entries, options);

            /// <summary>
            /// Literal mode: the index of every digest (<see cref="DigestIndexWriter.Build"/>) from their fragments, slots
            /// numbered by ordinal key rank as the catalog numbers them, as one literal.
            /// </summary>
            private static string IndexLiteral(List<CatalogEntry> entries, EmitOptions options)
            {
                var byKey = new List<CatalogEntry>(entries);
                byKey.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                var fragments = byKey.ConvertAll(e => e.Index.Length == 0 ? null : System.Text.Encoding.UTF8.GetBytes(e.Index));
                var index = System.Text.Encoding.UTF8.GetString(DigestIndexWriter.Build(fragments));
                return CSharpLiteral.Quote(index, options.Utf8Literals) + (options.Utf8Literals ? ".ToArray()" : string.Empty);
            }
            /// <summary>
            /// Literal mode: <c>__Create(i)</c>, a switch over chunks of <see cref="DigestEmitter.CreateChunkSize"/> digests, each case
            /// decoding one digest's literal.
            /// </summary>
            private static void WriteCreate(SourceWriter writer, List<CatalogEntry> entries, EmitOptions options)
            {
                writer.WriteLine();
                writer.OpenBlock("private static global::DigestKit.Digest __Create(int index)");
                writer.OpenBlock("switch (index / " + DigestEmitter.CreateChunkSize.ToString(CultureInfo.InvariantCulture) + ")");
                var chunks = (entries.Count + DigestEmitter.CreateChunkSize - 1) / DigestEmitter.CreateChunkSize;
                // Called straight from the switch: one method per digest (its data) rather than two to JIT at start-up.
                var create = options.Utf8Literals
                    ? "global::DigestKit.Digest.FromUtf8({0}.Data.ToArray())"
                    : "global::DigestKit.Digest.FromString({0}.Data)";
                for (var chunk = 0; chunk < chunks; chunk++)
                {
                    var c = chunk.ToString(CultureInfo.InvariantCulture);
                    writer.WriteLine("case " + c + ": return __Create" + c + "(index);");
                }

                writer.WriteLine("default: throw new global::System.ArgumentOutOfRangeException(nameof(index));");
                writer.CloseBlock();
                writer.CloseBlock();

                for (var chunk = 0; chunk < chunks; chunk++)
                {
                    writer.WriteLine();
                    writer.OpenBlock("private static global::DigestKit.Digest __Create" + chunk.ToString(CultureInfo.InvariantCulture) + "(int index)");
                    writer.OpenBlock("switch (index)");
                    var end = Math.Min(entries.Count, (chunk + 1) * DigestEmitter.CreateChunkSize);
                    for (var i = chunk * DigestEmitter.CreateChunkSize; i < end; i++)
                    {
                        var expression = create.Replace("{0}", DigestEmitter.DataClassName(entries[i].Key));
                        writer.WriteLine("case " + i.ToString(CultureInfo.InvariantCulture) + ": return " + expression + ";");
                    }

                    writer.WriteLine("default: throw new global::System.ArgumentOutOfRangeException(nameof(index));");
                    writer.CloseBlock();
                    writer.CloseBlock();
                }
            }
        }
    }
}
