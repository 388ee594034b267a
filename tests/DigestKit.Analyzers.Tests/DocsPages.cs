using System.Text;
using DigestKit.Engine;

namespace DigestKit.Analyzers.Tests;

/// <summary>
/// The parts of docs/diagnostics that come from the catalogue: each page's header (title, category, severity,
/// message, owner), the first paragraph of "What it means" (the rule's Description) and its "Configuring"
/// section, and the index table. The rest of a page (the rest of "What it means", "Example", "How to fix") is
/// written by hand and kept as it is.
/// </summary>
internal static class DocsPages
{
    private const string Meaning = "## What it means\n\n";

    private const string Configuring = "## Configuring\n";

    public static string Page(DigestRule rule, string? existing)
    {
        var body = existing is null ? Skeleton : HandWritten(existing);
        var owner = DigestEngine.OwnerOf(rule)?.Description ?? "nothing (the rule is not reported)";
        var page = new StringBuilder();
        page.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n");
        page.Append("| | |\n|---|---|\n");
        page.Append("| Category | `").Append(rule.Category).Append("` |\n");
        page.Append("| Default severity | ").Append(rule.DefaultSeverity).Append(" |\n");
        page.Append("| Message | ").Append(rule.MessageFormat.Replace("|", "&#124;")).Append(" |\n");
        page.Append("| Reported by | ").Append(owner).Append(" |\n");
        if (rule.GuideSection is { } section)
        {
            page.Append("| Writer's guide | [").Append(GuideHeading(section)).Append("](../format.md#").Append(section).Append(") |\n");
        }

        page.Append('\n');
        page.Append(Meaning).Append(rule.Description).Append('\n');
        page.Append(body);
        page.Append(ConfiguringSection(rule));
        return page.ToString();
    }

    /// <summary>
    /// The headings of the writer's guide, docs/format.md, by their anchor (GitHub's: lower case, punctuation dropped,
    /// spaces as hyphens).
    /// </summary>
    public static IReadOnlyDictionary<string, string> GuideHeadings()
    {
        var headings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(Path.Combine(DigestKit.Tests.TestPaths.RepoRoot, DigestGuide.Path)))
        {
            var level = line.TakeWhile(c => c == '#').Count();
            if (level is >= 1 and <= 6 && line.Length > level && line[level] == ' ')
            {
                var text = line[(level + 1)..].Trim();
                headings.TryAdd(Anchor(text), text);
            }
        }

        return headings;
    }

    public static string Anchor(string heading) =>
        new string(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');

    /// <summary>The heading of the guide's part <paramref name="section"/>.</summary>
    public static string GuideHeading(string section) =>
        GuideHeadings().TryGetValue(section, out var heading)
            ? heading
            : throw new InvalidOperationException(
                $"GuideSection '{section}' is not the anchor of a heading in {DigestGuide.Path}: use one of its anchors ({string.Join(", ", GuideHeadings().Keys)}), or add the heading to the guide and its constant to DigestGuide");

    /// <summary>What follows the first paragraph of "What it means", up to "Configuring".</summary>
    public static string HandWritten(string page)
    {
        page = page.ReplaceLineEndings("\n");
        var meaning = page.IndexOf(Meaning, StringComparison.Ordinal);
        if (meaning < 0)
        {
            return Skeleton;
        }

        var paragraphEnd = page.IndexOf("\n\n", meaning + Meaning.Length, StringComparison.Ordinal);
        var start = paragraphEnd < 0 ? page.Length : paragraphEnd + 1;
        var end = page.IndexOf(Configuring, start, StringComparison.Ordinal);
        return page.Substring(start, (end < 0 ? page.Length : end) - start);
    }

    /// <summary>A new page's hand-written part; CatalogueTests fail while it still says TODO.</summary>
    public const string Skeleton = "\nTODO: more on what it means, if needed.\n\n## Example\n\n```markdown\nTODO\n```\n\n## How to fix\n\nTODO\n\n";

    public static string ConfiguringSection(DigestRule rule)
    {
        if (DigestEngine.OwnerOf(rule)?.Kind == DigestRuleOwnerKind.CSharpCode)
        {
            return $$"""
                ## Configuring

                This diagnostic is on C# code, so the usual keys apply, in `.editorconfig` or `.globalconfig`:

                ```ini
                [*.cs]
                dotnet_diagnostic.{{rule.Id}}.severity = error
                dotnet_analyzer_diagnostic.category-{{rule.Category}}.severity = error
                ```

                or `<WarningsAsErrors>{{rule.Id}}</WarningsAsErrors>` / `<NoWarn>{{rule.Id}}</NoWarn>` in the project.

                """.ReplaceLineEndings("\n");
        }

        if (rule.NotConfigurable)
        {
            return """
                ## Configuring

                It cannot be configured: no `.editorconfig`, `.globalconfig`, `NoWarn` or `WarningsAsErrors` setting changes its
                severity (the descriptor is `NotConfigurable`), so a build that embeds less than `DigestKitContent` names never
                passes.

                """.ReplaceLineEndings("\n");
        }

        if (DigestEngine.OwnerOf(rule)?.Kind == DigestRuleOwnerKind.Build)
        {
            return $$"""
                ## Configuring

                MSBuild reports it, not the compiler, so `.editorconfig` and `.globalconfig` do not apply. In the project,
                `<MSBuildWarningsAsMessages>{{rule.Id}}</MSBuildWarningsAsMessages>` makes a warning a message, and
                `<MSBuildWarningsAsErrors>{{rule.Id}}</MSBuildWarningsAsErrors>` makes it an error.

                """.ReplaceLineEndings("\n");
        }

        var blocks = rule.BlocksEmbedding
            ? "\nA digest with this diagnostic has nothing to embed, so lowering it does not pass the build: it then gets\n[DK9005](DK9005.md), which cannot be lowered. Leave a file that is not a digest out with `DigestKitExclude`.\n"
            : string.Empty;
        var value = rule.DefaultSeverity switch
        {
            DigestSeverity.Error => "error",
            DigestSeverity.Warning => "warning",
            _ => "suggestion",
        };
        return $$"""
            ## Configuring

            Change its severity (`error`, `warning`, `suggestion`, `silent` or `none`) in either place:

            ```ini
            # .editorconfig, in a section that matches the digest files
            [*.md]
            digestkit_diagnostic.{{rule.Id}}.severity = {{value}}
            ```

            ```ini
            # .globalconfig next to the project (the SDK picks it up), or <WarningsAsErrors>/<NoWarn> in the project
            is_global = true
            dotnet_diagnostic.{{rule.Id}}.severity = {{value}}
            ```

            The compiler applies `dotnet_diagnostic.{{rule.Id}}.severity` from `.editorconfig` only to diagnostics in C# files, not to
            diagnostics in Markdown files ([dotnet/roslyn#31916](https://github.com/dotnet/roslyn/issues/31916)), so DigestKit
            reads its own `digestkit_diagnostic.` key there, and the bulk keys
            `dotnet_analyzer_diagnostic.category-{{rule.Category}}.severity` and `dotnet_analyzer_diagnostic.severity`.
            {{blocks}}
            """.ReplaceLineEndings("\n");
    }

    /// <summary>The index with its table of every rule, the rest of the file kept.</summary>
    public static string Index(string existing)
    {
        var lines = existing.ReplaceLineEndings("\n").Split('\n').ToList();
        var first = lines.FindIndex(l => l.StartsWith("| [DK", StringComparison.Ordinal));
        var last = lines.FindLastIndex(l => l.StartsWith("| [DK", StringComparison.Ordinal));
        if (first < 0)
        {
            throw new InvalidOperationException("docs/diagnostics/README.md has no table of rules");
        }

        var rows = DigestRules.All.Select(r => $"| [{r.Id}]({r.Id}.md) | {r.Title} | {r.Category} | {r.DefaultSeverity} |");
        lines.RemoveRange(first, last - first + 1);
        lines.InsertRange(first, rows);
        return string.Join("\n", lines);
    }
}
