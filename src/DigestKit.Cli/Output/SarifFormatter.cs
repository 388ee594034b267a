using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DigestKit.Engine;

namespace DigestKit.Cli.Output;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 as GitHub code scanning and the SARIF viewers read it, clean under the SARIF
/// Multitool's GitHub and SARIF rule sets. One run; the driver lists every DigestKit rule (so <c>ruleIndex</c> is
/// stable across runs) with its docs page as help; columns are UTF-16 code units, as the engine counts them.
/// Paths are relative to the repository root under <see cref="RootBaseId"/>, so alerts land on the right files
/// whatever folder <c>check</c> ran from; a file outside the root gets an absolute <c>file://</c> URI.
/// </summary>
internal static class SarifFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The base the result URIs are relative to: the conventional name for a source root.</summary>
    public const string RootBaseId = "SRCROOT";

    /// <summary>
    /// Versioned, so that a change of the hashing is a new key rather than every alert closed and reopened.
    /// </summary>
    public const string FingerprintKey = "digestkitContentHash/v1";

    public static void Write(Stream stream, CheckReport report, SarifOptions options)
    {
        var rules = DigestRules.All;
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        var locations = new Locations(report, options);

        // A diagnostic with no file is the tool failing, not a finding: SARIF records it as a notification (and
        // code scanning rejects a result without a location).
        var located = report.Diagnostics.Where(d => d.Path.Length > 0).ToList();
        var failures = report.Diagnostics.Where(d => d.Path.Length == 0).ToList();
        var kept = Keep(located, options.MaxResults);
        var fingerprints = Fingerprints(located, locations);

        using var json = JsonOutput.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        WriteInvocation(json, failures, located.Count - kept.Count, located.Count, options);

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(RootBaseId);
        json.WriteString("uri", DirectoryUri(options.RootDirectory));
        json.WriteStartObject("description");
        json.WriteString("text", "The repository root: the folder holding .git, else the folder digestkit ran in.");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteString("columnKind", "utf16CodeUnits");

        json.WriteStartArray("results");
        for (var i = 0; i < located.Count; i++)
        {
            if (kept.Contains(i))
            {
                WriteResult(json, located[i], ruleIndex, locations, fingerprints[i]);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    public static string Level(DigestSeverity severity) => severity switch
    {
        DigestSeverity.Error => "error",
        DigestSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative path as a relative URI reference (segments escaped, '/' separators); an absolute one as file://.</summary>
    public static string ToUri(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        var builder = new StringBuilder();
        var segments = path.Split(Path.DirectorySeparatorChar == '/' ? ['/'] : ['/', Path.DirectorySeparatorChar]);
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(Uri.EscapeDataString(segments[i]));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The kept results when there are more than <paramref name="max"/>: the most severe first, then in report
    /// order, so an upload that must be cut keeps its errors.
    /// </summary>
    private static HashSet<int> Keep(List<DigestDiagnostic> located, int max)
    {
        var indices = Enumerable.Range(0, located.Count);
        if (located.Count > max)
        {
            indices = indices.OrderByDescending(i => located[i].Severity).ThenBy(i => i).Take(Math.Max(0, max));
        }

        return indices.ToHashSet();
    }

    private static void WriteRule(Utf8JsonWriter json, DigestRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalName(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", SarifRuleHelp.FullDescription(rule));
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", SarifRuleHelp.HelpText(rule));
        json.WriteString("markdown", SarifRuleHelp.HelpMarkdown(rule));
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpLink);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, List<DigestDiagnostic> failures, int leftOut, int total, SarifOptions options)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", failures.Count == 0 && options.ToolErrors.Count == 0);
        if (failures.Count > 0 || options.ToolErrors.Count > 0 || leftOut > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            foreach (var failure in failures)
            {
                json.WriteStartObject();
                json.WriteString("level", Level(failure.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", SarifRuleHelp.Sentence(failure.Message));
                json.WriteEndObject();
                json.WriteStartObject("associatedRule");
                json.WriteString("id", failure.Id);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            foreach (var error in options.ToolErrors)
            {
                json.WriteStartObject();
                json.WriteString("level", "error");
                json.WriteStartObject("message");
                json.WriteString("text", SarifRuleHelp.Sentence(char.ToUpperInvariant(error[0]) + error[1..]));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            if (leftOut > 0)
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                json.WriteStartObject("message");
                json.WriteString("text", string.Create(CultureInfo.InvariantCulture,
                    $"{leftOut} of {total} results were left out: GitHub code scanning accepts at most {SarifOptions.GitHubResultLimit} results per run, and the most severe were kept. Run 'digestkit check' for the full list."));
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteNumber("resultsLeftOut", leftOut);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter json, DigestDiagnostic d, Dictionary<string, int> ruleIndex, Locations locations, string fingerprint)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Id);
        if (ruleIndex.TryGetValue(d.Id, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(d.Severity));
        var related = Related(d, locations);
        json.WriteStartObject("message");
        json.WriteString("text", SarifRuleHelp.Sentence(related is { } r ? r.LinkedMessage : d.Message));
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, locations.Artifact(d.Path), d.Span);
        json.WriteEndObject();
        json.WriteEndArray();

        if (related is { } other)
        {
            json.WriteStartArray("relatedLocations");
            json.WriteStartObject();
            json.WriteNumber("id", 1);
            WritePhysicalLocation(json, locations.Artifact(other.Path), other.Span);
            json.WriteStartObject("message");
            json.WriteString("text", other.Message);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, fingerprint);
        json.WriteEndObject();

        if (d.Fix is { } fix)
        {
            WriteFix(json, locations.Artifact(d.Path), fix);
        }

        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, (string Uri, string? BaseId) artifact, SourceSpan? span)
    {
        json.WriteStartObject("physicalLocation");
        WriteArtifactLocation(json, artifact);
        if (span is { } s)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", s.Line);
            json.WriteNumber("startColumn", s.Column);
            json.WriteNumber("endLine", s.EndLine);
            json.WriteNumber("endColumn", s.EndColumn);
            json.WriteNumber("charOffset", s.Start);
            json.WriteNumber("charLength", s.Length);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, (string Uri, string? BaseId) artifact)
    {
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", artifact.Uri);
        if (artifact.BaseId is { } baseId)
        {
            json.WriteString("uriBaseId", baseId);
        }

        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, (string Uri, string? BaseId) artifact, TextEdit fix)
    {
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        WriteArtifactLocation(json, artifact);
        json.WriteStartArray("replacements");
        json.WriteStartObject();
        json.WriteStartObject("deletedRegion");
        json.WriteNumber("charOffset", fix.Start);
        json.WriteNumber("charLength", fix.Length);
        json.WriteEndObject();
        json.WriteStartObject("insertedContent");
        json.WriteString("text", fix.NewText);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>
    /// The other file a cross-file diagnostic names (its first digest with the slug or the paper), located at the
    /// first occurrence of the shared value in that file; the message links to it as SARIF's <c>[text](id)</c>.
    /// </summary>
    private static (string Path, SourceSpan? Span, string Message, string LinkedMessage)? Related(DigestDiagnostic d, Locations locations)
    {
        if (d.Related is { } related)
        {
            // A location in another file (DK6001, DK6002): the message names that file, and links to it.
            var linkedMessage = related.Path == d.Path ? d.Message : Linked(d.Message, related.Path, locations);
            return (related.Path, related.Span, SarifRuleHelp.Sentence(related.Message), linkedMessage);
        }

        int pathArgument;
        string what;
        if (d.Id == DigestRules.DuplicateSlug.Id)
        {
            (pathArgument, what) = (1, "The first digest with the slug '{0}'.");
        }
        else if (d.Id == DigestRules.InconsistentPaper.Id)
        {
            (pathArgument, what) = (2, "The first digest that lists arXiv paper '{0}'.");
        }
        else
        {
            return null;
        }

        if (d.Arguments.Count <= pathArgument || d.Arguments[pathArgument].Length == 0)
        {
            return null;
        }

        var value = d.Arguments[0];
        var path = d.Arguments[pathArgument];
        var message = string.Format(CultureInfo.InvariantCulture, what, value);

        return (path, locations.Find(path, value), message, Linked(d.Message, path, locations));
    }

    /// <summary>
    /// <paramref name="message"/> with its last mention of <paramref name="path"/> as SARIF's link to the related
    /// location, <c>[path](1)</c>. The link shows the path as the report gives it (from the root, not from where check
    /// ran). Brackets are link syntax in SARIF messages: a message or path holding some is left as plain text.
    /// </summary>
    private static string Linked(string message, string path, Locations locations)
    {
        var at = message.LastIndexOf(path, StringComparison.Ordinal);
        var shown = locations.Artifact(path) is (var uri, not null) ? Uri.UnescapeDataString(uri) : path;
        return at < 0 || message.AsSpan().IndexOfAny('[', ']') >= 0 || shown.AsSpan().IndexOfAny('[', ']') >= 0
            ? message
            : message[..at] + "[" + shown + "](1)" + message[(at + path.Length)..];
    }

    /// <summary>
    /// A result's identity for code scanning across commits: its rule, its file, the text of its line and of its
    /// span with white space collapsed, and which occurrence of that combination it is in the file. Moving the
    /// line, or editing other lines, keeps it; changing the offending text gives a new alert.
    /// </summary>
    private static string[] Fingerprints(List<DigestDiagnostic> located, Locations locations)
    {
        var result = new string[located.Count];
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < located.Count; i++)
        {
            var d = located[i];
            var (line, span) = locations.Content(d.Path, d.Span);
            var key = string.Join('\0', d.Id, locations.Artifact(d.Path).Uri, line ?? d.Message, span ?? string.Empty);
            occurrences.TryGetValue(key, out var occurrence);
            occurrences[key] = occurrence + 1;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key + "\0" + occurrence.ToString(CultureInfo.InvariantCulture)));
            result[i] = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        }

        return result;
    }

    private static string DirectoryUri(string directory)
    {
        var uri = new Uri(Path.GetFullPath(directory)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    /// <summary>"Front matter is missing" -> "FrontMatterIsMissing": SARIF's rule name is an identifier.</summary>
    private static string PascalName(string title)
    {
        var builder = new StringBuilder(title.Length);
        var upper = true;
        foreach (var c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Paths and texts of the report's files, each resolved once.</summary>
    private sealed class Locations(CheckReport report, SarifOptions options)
    {
        private readonly Dictionary<string, (string Uri, string? BaseId)> _artifacts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, LineMap?> _lineMaps = new(StringComparer.Ordinal);

        public (string Uri, string? BaseId) Artifact(string path)
        {
            if (!_artifacts.TryGetValue(path, out var artifact))
            {
                var relative = Input.RepositoryRoot.RelativePath(options.RootDirectory, options.WorkingDirectory, path);
                artifact = relative is null
                    ? (new Uri(Path.GetFullPath(path, options.WorkingDirectory)).AbsoluteUri, null)
                    : (ToUri(relative), RootBaseId);
                _artifacts.Add(path, artifact);
            }

            return artifact;
        }

        /// <summary>The text of the span's first line and of the span, white space collapsed; nulls without the file's text.</summary>
        public (string? Line, string? Span) Content(string path, SourceSpan span)
        {
            if (report.SourceText(path) is not { } text || Map(path, text) is not { } map)
            {
                return (null, null);
            }

            var start = Math.Clamp(map.LineStart(span.Line), 0, text.Length);
            var end = text.IndexOfAny(['\r', '\n', '\u0085', '\u2028', '\u2029'], start);
            var line = text[start..(end < 0 ? text.Length : end)];
            var from = Math.Clamp(span.Start, 0, text.Length);
            var spanText = text.Substring(from, Math.Clamp(span.Length, 0, text.Length - from));
            return (Collapse(line), Collapse(spanText));
        }

        /// <summary>The first occurrence of <paramref name="value"/> in the file, or null when it is not there (or unread).</summary>
        public SourceSpan? Find(string path, string value)
        {
            if (value.Length == 0 || report.SourceText(path) is not { } text || Map(path, text) is not { } map)
            {
                return null;
            }

            var at = text.IndexOf(value, StringComparison.Ordinal);
            return at < 0 ? null : map.Span(at, value.Length);
        }

        private LineMap? Map(string path, string text)
        {
            if (!_lineMaps.TryGetValue(path, out var map))
            {
                map = new LineMap(text);
                _lineMaps.Add(path, map);
            }

            return map;
        }

        private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
