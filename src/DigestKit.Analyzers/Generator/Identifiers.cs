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

        /// <summary>The key of one digest's generated class and file (see <see cref="DigestResources.Key"/>).</summary>
        public static string DigestKey(string sourcePath) => DigestResources.Key(sourcePath);

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
    }
}
