using System.Collections.Generic;

namespace DigestKit.Engine
{
    /// <summary>A severity configured for a diagnostic: a level, or hidden from the output (<c>silent</c>), or off (<c>none</c>).</summary>
    public enum ConfiguredSeverity
    {
        Error,
        Warning,
        Info,
        Hidden,
        None,
    }

    /// <summary>
    /// How a severity configured in .editorconfig / .globalconfig applies to a DigestKit diagnostic, for every host
    /// (the analyzer in a build, <c>digestkit check</c>): the keys in the order they are tried, and their values.
    /// The first key with a readable value wins; <c>default</c> or anything unreadable falls through to the next.
    /// </summary>
    public static class SeverityPolicy
    {
        /// <summary>DigestKit's per-ID key, e.g. <c>digestkit_diagnostic.DK1005.severity = error</c>.</summary>
        public const string DigestKeyPrefix = "digestkit_diagnostic.";

        /// <summary>Looks a configuration key up; false when it is not set.</summary>
        public delegate bool TryGetValue(string key, out string? value);

        /// <summary>
        /// The keys for <paramref name="id"/>, in the order they are tried. <c>dotnet_diagnostic.ID.severity</c> comes
        /// first only where the host sees it (<paramref name="compilerKey"/>): the compiler strips it from what
        /// analyzers get for AdditionalFiles out of .editorconfig (dotnet/roslyn#31916), so the CLI never applies it.
        /// </summary>
        public static IReadOnlyList<string> Keys(string id, string? category, bool compilerKey)
        {
            var keys = new List<string>(4);
            if (compilerKey)
            {
                keys.Add("dotnet_diagnostic." + id + ".severity");
            }

            keys.Add(DigestKeyPrefix + id + ".severity");
            if (category != null)
            {
                keys.Add("dotnet_analyzer_diagnostic.category-" + category + ".severity");
            }

            keys.Add("dotnet_analyzer_diagnostic.severity");
            return keys;
        }

        /// <summary>The severity configured for <paramref name="id"/>, or null when nothing readable is configured.</summary>
        public static ConfiguredSeverity? Resolve(string id, string? category, bool compilerKey, TryGetValue lookup)
        {
            foreach (var key in Keys(id, category, compilerKey))
            {
                if (lookup(key, out var value) && Parse(value) is { } severity)
                {
                    return severity;
                }
            }

            return null;
        }

        public static ConfiguredSeverity? Parse(string? value)
        {
            switch (value?.Trim().ToLowerInvariant())
            {
                case "error":
                    return ConfiguredSeverity.Error;
                case "warning":
                case "warn":
                    return ConfiguredSeverity.Warning;
                case "suggestion":
                case "info":
                    return ConfiguredSeverity.Info;
                case "silent":
                case "hidden":
                    return ConfiguredSeverity.Hidden;
                case "none":
                case "suppress":
                    return ConfiguredSeverity.None;
                default:
                    return null;
            }
        }
    }
}
