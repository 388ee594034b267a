using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace DigestKit.Cli.Configuration;

/// <summary>
/// The .editorconfig properties that apply to a file, as https://editorconfig.org specifies them: every
/// .editorconfig from the file's folder up to the first with <c>root = true</c>; sections whose glob matches the
/// file's path relative to that .editorconfig's folder; closer files and later sections win. Only what the CLI
/// needs (severity keys), but the matching is the full glob syntax: <c>*</c>, <c>**</c>, <c>?</c>,
/// <c>[abc]</c>, <c>[!abc]</c>, <c>{a,b}</c>, <c>{1..3}</c>, backslash escapes.
/// </summary>
internal sealed class EditorConfig
{
    public const string FileName = ".editorconfig";

    private readonly ConcurrentDictionary<string, ParsedFile?> _files = new(StringComparer.Ordinal);

    /// <summary>The properties for <paramref name="fullPath"/>: lower-case keys, values as written (trimmed).</summary>
    public IReadOnlyDictionary<string, string> PropertiesFor(string fullPath)
    {
        var chain = new List<ParsedFile>();
        var directory = Path.GetDirectoryName(fullPath);
        while (!string.IsNullOrEmpty(directory))
        {
            if (Load(directory) is { } parsed)
            {
                chain.Add(parsed);
                if (parsed.IsRoot)
                {
                    break;
                }
            }

            directory = Path.GetDirectoryName(directory);
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var file = chain[i];
            var relative = Path.GetRelativePath(file.Directory, fullPath).Replace('\\', '/');
            foreach (var section in file.Sections)
            {
                if (section.Matcher.IsMatch(relative))
                {
                    foreach (var (key, value) in section.Properties)
                    {
                        result[key] = value;
                    }
                }
            }
        }

        return result;
    }

    private ParsedFile? Load(string directory) => _files.GetOrAdd(directory, d =>
    {
        var path = Path.Combine(d, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Parse(d, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    });

    internal static ParsedFile Parse(string directory, string text)
    {
        var isRoot = false;
        var sections = new List<Section>();
        Section? current = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var glob = line[1..^1];
                current = new Section(glob, GlobToRegex(glob), new List<KeyValuePair<string, string>>());
                sections.Add(current);
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = line[..eq].Trim().ToLowerInvariant();
            var value = line[(eq + 1)..].Trim();
            if (current is null)
            {
                if (key == "root" && value.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    isRoot = true;
                }
            }
            else
            {
                current.Properties.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        return new ParsedFile(directory, isRoot, sections);
    }

    /// <summary>An EditorConfig section glob as a regex over '/'-separated paths relative to the file's folder.</summary>
    internal static Regex GlobToRegex(string glob)
    {
        // A glob without '/' matches a file name at any depth; with one, a path from the .editorconfig's folder.
        if (!glob.Contains('/', StringComparison.Ordinal))
        {
            glob = "**/" + glob;
        }
        else if (glob.StartsWith('/'))
        {
            glob = glob[1..];
        }

        var builder = new StringBuilder("^");
        var i = 0;
        Convert(glob, ref i, builder, inBraces: false);
        builder.Append('$');
        return new Regex(builder.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    private static void Convert(string glob, ref int i, StringBuilder builder, bool inBraces)
    {
        while (i < glob.Length)
        {
            var c = glob[i];
            if (inBraces && (c == ',' || c == '}'))
            {
                return;
            }

            switch (c)
            {
                case '\\' when i + 1 < glob.Length:
                    builder.Append(Regex.Escape(glob[i + 1].ToString()));
                    i += 2;
                    break;
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    if (i + 2 < glob.Length && glob[i + 2] == '/')
                    {
                        builder.Append("(?:.*/)?");
                        i += 3;
                    }
                    else
                    {
                        builder.Append(".*");
                        i += 2;
                    }

                    break;
                case '*':
                    builder.Append("[^/]*");
                    i++;
                    break;
                case '?':
                    builder.Append("[^/]");
                    i++;
                    break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        builder.Append("\\[");
                        i++;
                        break;
                    }

                    var set = glob.Substring(i + 1, close - i - 1);
                    var negate = set.StartsWith('!');
                    if (negate)
                    {
                        set = set[1..];
                    }

                    builder.Append(negate ? "[^" : "[").Append(set.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal)).Append(']');
                    i = close + 1;
                    break;
                case '{':
                    var range = Regex.Match(glob[i..], @"^\{(-?\d+)\.\.(-?\d+)\}");
                    if (range.Success)
                    {
                        var from = int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                        var to = int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
                        var (low, high) = from <= to ? (from, to) : (to, from);
                        builder.Append("(?:").Append(string.Join('|', Enumerable.Range(low, Math.Min(high - low + 1, 10_000)))).Append(')');
                        i += range.Length;
                        break;
                    }

                    if (glob.IndexOf('}', i) < 0)
                    {
                        builder.Append("\\{");
                        i++;
                        break;
                    }

                    i++;
                    builder.Append("(?:");
                    while (true)
                    {
                        Convert(glob, ref i, builder, inBraces: true);
                        if (i >= glob.Length || glob[i] == '}')
                        {
                            i++;
                            break;
                        }

                        builder.Append('|');
                        i++;
                    }

                    builder.Append(')');
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    i++;
                    break;
            }
        }
    }

    internal sealed record Section(string Glob, Regex Matcher, List<KeyValuePair<string, string>> Properties);

    internal sealed record ParsedFile(string Directory, bool IsRoot, IReadOnlyList<Section> Sections);
}
