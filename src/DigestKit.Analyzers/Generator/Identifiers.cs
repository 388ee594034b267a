using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DigestKit.Analyzers.Generator
{
    /// <summary>Names in generated code made from digest content: always valid, never colliding.</summary>
    public static class Identifiers
    {
        /// <summary>
        /// Names a <c>Digests</c> member cannot take: its own members, the class name, and what every class
        /// inherits from <see cref="object"/> (hiding those would warn).
        /// </summary>
        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
        {
            "All", "Find", "Digests", "Equals", "ReferenceEquals", "GetHashCode", "GetType", "ToString",
            "MemberwiseClone", "Finalize",
        };

        /// <summary>
        /// A PascalCase property name from a slug: ASCII letters and digits kept, every other run of characters
        /// starts a new word (<c>hot-papers-2021-06-21</c> becomes <c>HotPapers20210621</c>). A name that would
        /// start with a digit gets a leading <c>_</c>; one with no letters or digits at all becomes <c>Digest</c>.
        /// Never starts with <c>__</c>, which generated private members use.
        /// </summary>
        public static string PropertyName(string slug)
        {
            var builder = new StringBuilder(slug.Length);
            var upperNext = true;
            foreach (var c in slug)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                {
                    builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                    upperNext = false;
                }
                else
                {
                    upperNext = true;
                }
            }

            if (builder.Length == 0)
            {
                return "Digest";
            }

            if (builder[0] >= '0' && builder[0] <= '9')
            {
                builder.Insert(0, '_');
            }

            return builder.ToString();
        }

        /// <summary>Property names for slugs in order: the first keeps the name, later ones get <c>_2</c>, <c>_3</c>, ….</summary>
        public static string[] UniquePropertyNames(IReadOnlyList<string> slugs)
        {
            var used = new HashSet<string>(Reserved, StringComparer.Ordinal);
            var names = new string[slugs.Count];
            for (var i = 0; i < slugs.Count; i++)
            {
                var name = PropertyName(slugs[i]);
                var candidate = name;
                for (var n = 2; !used.Add(candidate); n++)
                {
                    candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
                }

                names[i] = candidate;
            }

            return names;
        }

        /// <summary>
        /// The key of one digest's generated class and file: the file name's letters and digits plus a hash of the
        /// source path, so two files of the same name in different folders differ, and the key depends on nothing
        /// but the file's own path.
        /// </summary>
        public static string DigestKey(string sourcePath)
        {
            var fileName = sourcePath;
            var slash = Math.Max(fileName.LastIndexOf('/'), fileName.LastIndexOf('\\'));
            if (slash >= 0)
            {
                fileName = fileName.Substring(slash + 1);
            }

            var dot = fileName.LastIndexOf('.');
            if (dot > 0)
            {
                fileName = fileName.Substring(0, dot);
            }

            var builder = new StringBuilder();
            foreach (var c in fileName)
            {
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
                if (ok)
                {
                    builder.Append(c);
                }
                else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }
            }

            if (builder.Length > 40)
            {
                builder.Length = 40;
            }

            return builder.ToString().TrimEnd('_') + "_" + Fnv1a(sourcePath).ToString("X8", CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// A namespace from an MSBuild property: each dotted part made a valid identifier (invalid characters
        /// become <c>_</c>, a leading digit gets <c>_</c>, a keyword gets <c>@</c>). Empty means the global namespace.
        /// </summary>
        public static string Namespace(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return string.Empty;
            }

            var parts = value!.Trim().Split('.');
            var result = new List<string>(parts.Length);
            foreach (var part in parts)
            {
                var builder = new StringBuilder(part.Length + 1);
                foreach (var c in part.Trim())
                {
                    builder.Append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
                }

                if (builder.Length == 0)
                {
                    continue;
                }

                if (builder[0] >= '0' && builder[0] <= '9')
                {
                    builder.Insert(0, '_');
                }

                var name = builder.ToString();
                if (Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
                {
                    name = "@" + name;
                }

                result.Add(name);
            }

            return string.Join(".", result);
        }

        /// <summary>32-bit FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
        private static uint Fnv1a(string value)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var c in value)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                return hash;
            }
        }
    }
}
