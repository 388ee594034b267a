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
    /// (the analyzer in a build, <c>digestkit check</c> and <c>digestkit lsp</c>): the keys in the order they are
    /// tried, and their values. The first key with a readable value wins; <c>default</c> or anything unreadable
    /// falls through to the next. A build then applies, over the analyzer's choice, what the compiler itself reads
    /// for a diagnostic in an AdditionalFile (<see cref="InBuild"/>).
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

        /// <summary>
        /// The severity a build gives a DigestKit diagnostic located in a digest (an AdditionalFile), for hosts that
        /// stand in for the whole build (the CLI, the language server). The analyzer first chooses
        /// (<see cref="Resolve"/> over the options of the digest's sections, <paramref name="fileOptions"/>): <c>none</c>
        /// and it never reports the diagnostic. Whatever it reports, the compiler then gives the severity it reads for
        /// the ID, <paramref name="compilerSetting"/> (<c>dotnet_diagnostic.ID.severity</c> from a global config; it
        /// ignores the .editorconfig one for such files, dotnet/roslyn#31916), when there is one. Null: the rule's default.
        /// </summary>
        public static ConfiguredSeverity? InBuild(string id, string? category, TryGetValue fileOptions, ConfiguredSeverity? compilerSetting)
        {
            var analyzer = Resolve(id, category, compilerKey: false, fileOptions);
            return analyzer == ConfiguredSeverity.None ? analyzer : compilerSetting ?? analyzer;
        }

        /// <summary>
        /// <paramref name="diagnostic"/> with <paramref name="severity"/> (null: unchanged), or null when the severity
        /// hides it (<c>silent</c>, <c>none</c>: a build does not print it).
        /// </summary>
        public static DigestDiagnostic? Apply(DigestDiagnostic diagnostic, ConfiguredSeverity? severity)
        {
            switch (severity)
            {
                case ConfiguredSeverity.Error:
                    return diagnostic with { Severity = DigestSeverity.Error };
                case ConfiguredSeverity.Warning:
                    return diagnostic with { Severity = DigestSeverity.Warning };
                case ConfiguredSeverity.Info:
                    return diagnostic with { Severity = DigestSeverity.Info };
                case ConfiguredSeverity.Hidden:
                case ConfiguredSeverity.None:
                    return null;
                default:
                    return diagnostic;
            }
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
