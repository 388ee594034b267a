using System.Collections.Concurrent;
using System.Collections.Immutable;
using DigestKit.Engine;
using Microsoft.CodeAnalysis;

namespace DigestKit.Cli.Configuration;

/// <summary>
/// The configuration a build gives a digest, read with the compiler's own reader (Roslyn's
/// <see cref="AnalyzerConfig"/> and <see cref="AnalyzerConfigSet"/>), so sections match exactly as in a build:
/// every <c>.editorconfig</c> and every <c>.globalconfig</c> in the digest's folder and the folders above it.
/// The set applies <c>root = true</c> (no .editorconfig above it counts), treats <c>.globalconfig</c> files and
/// any file saying <c>is_global = true</c> as global configs, merges those (<c>global_level</c>), and resolves
/// closer files and later sections first. The SDK passes the compiler the same files found above the project's C#
/// files; the digest's own folders are where a user writes sections for it (DigestKit.targets passes the
/// .editorconfig files above each digest too).
/// </summary>
internal sealed class AnalyzerConfigFiles
{
    public const string EditorConfigName = ".editorconfig";

    public const string GlobalConfigName = ".globalconfig";

    private readonly ConcurrentDictionary<string, AnalyzerConfig?> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnalyzerConfigSet> _sets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FileConfiguration> _byFile = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="path"/> names a file this reads (for the language server's watchers).</summary>
    public static bool IsConfigFile(string path)
    {
        var name = Path.GetFileName(path);
        return string.Equals(name, EditorConfigName, StringComparison.Ordinal) || string.Equals(name, GlobalConfigName, StringComparison.Ordinal);
    }

    /// <summary>What the configuration says for the digest at <paramref name="fullPath"/>.</summary>
    public FileConfiguration For(string fullPath)
    {
        if (string.IsNullOrEmpty(fullPath))
        {
            return FileConfiguration.Empty;
        }

        return _byFile.GetOrAdd(fullPath, path =>
        {
            var directory = Path.GetDirectoryName(path);
            if (string.IsNullOrEmpty(directory))
            {
                return FileConfiguration.Empty;
            }

            var set = _sets.GetOrAdd(directory, CreateSet);
            var options = set.GetOptionsForSourcePath(path);
            return new FileConfiguration(options.AnalyzerOptions, set.GlobalConfigOptions.AnalyzerOptions, set.GlobalConfigOptions.TreeOptions);
        });
    }

    private AnalyzerConfigSet CreateSet(string directory)
    {
        var configs = new List<AnalyzerConfig>();
        for (var current = directory; !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            foreach (var name in (ReadOnlySpan<string>)[EditorConfigName, GlobalConfigName])
            {
                if (Load(Path.Combine(current, name)) is { } config)
                {
                    configs.Add(config);
                }
            }
        }

        // Conflicting global configs are reported by the compiler (as warnings); here, as there, the keys in
        // conflict are left unset.
        return AnalyzerConfigSet.Create(configs, out _);
    }

    private AnalyzerConfig? Load(string path) => _files.GetOrAdd(path, p =>
    {
        if (!File.Exists(p))
        {
            return null;
        }

        try
        {
            return AnalyzerConfig.Parse(File.ReadAllText(p), p);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });
}

/// <summary>
/// The options of one digest: the analyzer options of the sections that match it (what an analyzer's
/// <c>GetOptions(AdditionalText)</c> sees), the global options (<c>GlobalOptions</c>), and the severities set by
/// <c>dotnet_diagnostic.ID.severity</c> in global configs (which the compiler applies to every diagnostic).
/// </summary>
internal sealed class FileConfiguration(
    ImmutableDictionary<string, string> fileOptions,
    ImmutableDictionary<string, string> globalOptions,
    ImmutableDictionary<string, ReportDiagnostic> globalSeverities)
{
    public static readonly FileConfiguration Empty = new(
        ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, ReportDiagnostic>.Empty);

    private readonly Dictionary<string, string> _file = new(fileOptions, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _global = new(globalOptions, StringComparer.OrdinalIgnoreCase);

    public bool TryGetFileValue(string key, out string? value) => Found(_file.TryGetValue(key, out var found), found, out value);

    public bool TryGetGlobalValue(string key, out string? value) => Found(_global.TryGetValue(key, out var found), found, out value);

    /// <summary>The engine's time bound for this digest, read as the analyzer reads it.</summary>
    public TimeSpan Timeout => AnalysisTimeLimit.Read(TryGetFileValue, TryGetGlobalValue);

    /// <summary>The severity a global config gives <paramref name="id"/>, or null when none does.</summary>
    public ConfiguredSeverity? GlobalSeverity(string id) =>
        globalSeverities.TryGetValue(id, out var report) ? report switch
        {
            ReportDiagnostic.Error => ConfiguredSeverity.Error,
            ReportDiagnostic.Warn => ConfiguredSeverity.Warning,
            ReportDiagnostic.Info => ConfiguredSeverity.Info,
            ReportDiagnostic.Hidden => ConfiguredSeverity.Hidden,
            ReportDiagnostic.Suppress => ConfiguredSeverity.None,
            _ => null,
        }
        : null;

    private static bool Found(bool found, string? raw, out string? value)
    {
        value = found ? raw : null;
        return found;
    }
}
