using System.Text;
using System.Text.RegularExpressions;
using DigestKit.Cli.Docs;
using DigestKit.Engine;

namespace DigestKit.Cli.Output;

/// <summary>
/// What a SARIF rule descriptor says about a rule beyond its title: the full description is the catalogue's
/// <see cref="DigestRule.Description"/> (which CatalogueTests keep equal to the docs page's first paragraph), the
/// help is the rule's docs page, so code scanning shows the same text as docs/diagnostics (as Markdown, and as plain
/// text for viewers without it).
/// </summary>
internal static partial class SarifRuleHelp
{
    public static string FullDescription(DigestRule rule) =>
        Sentence(string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : PlainInline(rule.Description));

    public static string HelpMarkdown(DigestRule rule) =>
        RuleDocs.Markdown(rule.Id)?.TrimEnd('\n') ?? $"# {rule.Id}: {rule.Title}\n\nSee {rule.HelpLink}.";

    /// <summary>The page as plain text: no heading marks, table pipes, code fences, backticks or link syntax.</summary>
    public static string HelpText(DigestRule rule)
    {
        if (RuleDocs.Markdown(rule.Id) is not { } page)
        {
            return $"{rule.Id}: {rule.Title}. See {rule.HelpLink}.";
        }

        var builder = new StringBuilder();
        var inFence = false;
        foreach (var line in page.TrimEnd('\n').Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                builder.Append("    ").Append(line).Append('\n');
            }
            else if (line.StartsWith('#'))
            {
                builder.Append(PlainInline(line.TrimStart('#').Trim())).Append('\n');
            }
            else if (line.StartsWith('|'))
            {
                var cells = line.Trim('|').Split('|').Select(c => PlainInline(c.Trim().Replace("`", string.Empty, StringComparison.Ordinal))).ToArray();
                if (cells.All(c => c.Length == 0 || c.All(ch => ch is '-' or ':')))
                {
                    continue; // The header and separator rows of the key/value table.
                }

                builder.Append(string.Join(": ", cells.Where(c => c.Length > 0))).Append('\n');
            }
            else
            {
                builder.Append(PlainInline(line)).Append('\n');
            }
        }

        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>A message as a sentence: SARIF viewers and the Multitool (SARIF2001) expect the final period.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed.EndsWith('.') || trimmed.EndsWith('?') || trimmed.EndsWith('!') ? trimmed : trimmed + ".";
    }

    private static string PlainInline(string text) => Backticks().Replace(Links().Replace(text, "$1 ($2)"), "'$1'");

    [GeneratedRegex(@"\[([^\]]*)\]\(([^)\s]+)\)")]
    private static partial Regex Links();

    [GeneratedRegex("`([^`]*)`")]
    private static partial Regex Backticks();
}
