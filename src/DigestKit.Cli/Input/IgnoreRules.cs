using System.Text;
using System.Text.RegularExpressions;

namespace DigestKit.Cli.Input;

/// <summary>
/// One file's worth of gitignore patterns (a <c>.gitignore</c>, <c>.git/info/exclude</c>, or the <c>--exclude</c>
/// options), with git's semantics (gitignore(5)): <c>#</c> comments, <c>!</c> re-includes, a trailing <c>/</c>
/// matches folders only, a pattern with a <c>/</c> before its end is anchored to the folder that holds the rules
/// (otherwise it matches a name at any depth), <c>*</c> and <c>?</c> never match <c>/</c>, <c>**</c> spans
/// folders, <c>[a-z]</c> classes, and <c>\</c> escapes. The last matching pattern decides.
/// </summary>
internal sealed class IgnoreRules
{
    private readonly List<Rule> _rules;

    private IgnoreRules(string baseDirectory, List<Rule> rules)
    {
        BaseDirectory = baseDirectory;
        _rules = rules;
    }

    /// <summary>The folder the patterns are relative to (full path).</summary>
    public string BaseDirectory { get; }

    public int Count => _rules.Count;

    public static IgnoreRules Parse(string baseDirectory, IEnumerable<string> lines)
    {
        var rules = new List<Rule>();
        foreach (var line in lines)
        {
            if (ParseLine(line) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return new IgnoreRules(baseDirectory, rules);
    }

    /// <summary>
    /// The verdict of these rules on a path given relative to <see cref="BaseDirectory"/> with <c>/</c>
    /// separators: true ignored, false re-included by a <c>!</c> pattern, null when no pattern matches.
    /// </summary>
    public bool? Match(string relativePath, bool isDirectory)
    {
        var slash = relativePath.LastIndexOf('/');
        var name = slash < 0 ? relativePath : relativePath[(slash + 1)..];
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            var rule = _rules[i];
            if (rule.DirectoryOnly && !isDirectory)
            {
                continue;
            }

            if (rule.Regex.IsMatch(rule.Anchored ? relativePath : name))
            {
                return !rule.Negated;
            }
        }

        return null;
    }

    private static Rule? ParseLine(string line)
    {
        line = line.TrimEnd('\r', '\n');

        // Trailing spaces are dropped unless escaped with a backslash.
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        var pattern = line[..end];
        if (pattern.Length == 0 || pattern[0] == '#')
        {
            return null;
        }

        var negated = false;
        if (pattern[0] == '!')
        {
            negated = true;
            pattern = pattern[1..];
        }
        else if (pattern.StartsWith("\\!", StringComparison.Ordinal) || pattern.StartsWith("\\#", StringComparison.Ordinal))
        {
            pattern = pattern[1..];
        }

        var directoryOnly = false;
        if (pattern.EndsWith('/') && !pattern.EndsWith("\\/", StringComparison.Ordinal))
        {
            directoryOnly = true;
            pattern = pattern.TrimEnd('/');
        }

        if (pattern.Length == 0)
        {
            return null;
        }

        // A separator at the start or in the middle anchors the pattern to the rules' folder.
        var anchored = pattern.Contains('/');
        if (pattern[0] == '/')
        {
            pattern = pattern[1..];
        }

        return new Rule(new Regex("^" + Translate(pattern) + "$", RegexOptions.CultureInvariant), negated, directoryOnly, anchored);
    }

    /// <summary>A gitignore glob as a .NET regular expression (without anchors).</summary>
    private static string Translate(string glob)
    {
        var regex = new StringBuilder(glob.Length * 2);
        var i = 0;
        while (i < glob.Length)
        {
            var c = glob[i];
            var atSegmentStart = i == 0 || glob[i - 1] == '/';
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*' && atSegmentStart && (i + 2 == glob.Length || glob[i + 2] == '/'))
            {
                if (i + 2 == glob.Length)
                {
                    // A trailing "/**" (or a whole "**"): everything inside.
                    regex.Append(".*");
                    i += 2;
                }
                else
                {
                    // "**/": zero or more folders.
                    regex.Append("(?:.*/)?");
                    i += 3;
                }

                continue;
            }

            switch (c)
            {
                case '*':
                    // Other runs of asterisks are plain asterisks.
                    while (i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        i++;
                    }

                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    if (TryClass(glob, ref i, regex))
                    {
                        continue;
                    }

                    regex.Append("\\[");
                    break;
                case '\\' when i + 1 < glob.Length:
                    i++;
                    regex.Append(Regex.Escape(glob[i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }

            i++;
        }

        return regex.ToString();
    }

    /// <summary>A bracket expression at <paramref name="i"/>; false (nothing consumed) when it is not closed.</summary>
    private static bool TryClass(string glob, ref int i, StringBuilder regex)
    {
        var j = i + 1;
        var negated = j < glob.Length && (glob[j] == '!' || glob[j] == '^');
        if (negated)
        {
            j++;
        }

        var body = new StringBuilder();
        var first = true;
        while (j < glob.Length && (glob[j] != ']' || first))
        {
            var c = glob[j];
            if (c == '\\' && j + 1 < glob.Length)
            {
                j++;
                c = glob[j];
            }

            if (c == '-' && !first && j + 1 < glob.Length && glob[j + 1] != ']')
            {
                body.Append('-');
            }
            else
            {
                body.Append(c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString());
            }

            first = false;
            j++;
        }

        if (j >= glob.Length)
        {
            return false;
        }

        // A class never matches the separator, negated or not.
        regex.Append(negated ? "[^/" + body + "]" : "(?!/)[" + body + "]");
        i = j + 1;
        return true;
    }

    private sealed record Rule(Regex Regex, bool Negated, bool DirectoryOnly, bool Anchored);
}
