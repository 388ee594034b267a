using DigestKit.Engine;
using DigestKit.Tests;
using Microsoft.CodeAnalysis;

namespace DigestKit.Analyzers.Tests;

/// <summary>
/// One catalogue, four views of it: the engine's rules, the analyzer's descriptors, the release tracking files and
/// the docs pages. These tests keep them identical.
/// </summary>
public class CatalogueTests
{
    public static IEnumerable<object[]> Rules => DigestRules.All.Select(r => new object[] { r.Id });

    [Fact]
    public void The_analyzer_supports_exactly_the_engine_rules_in_order()
    {
        Assert.Equal(DigestRules.All.Select(r => r.Id), new DigestAnalyzer().SupportedDiagnostics.Select(d => d.Id));
        Assert.Equal(DigestRules.All.Select(r => r.Id).Distinct().Count(), DigestRules.All.Count);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_descriptor_is_the_engine_rule(string id)
    {
        var rule = DigestRules.Find(id)!;
        var descriptor = DigestDescriptors.Find(id)!;
        Assert.Equal(rule.Title, descriptor.Title.ToString());
        Assert.Equal(rule.MessageFormat, descriptor.MessageFormat.ToString());
        Assert.Equal(rule.Category, descriptor.Category);
        Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
        Assert.Equal("https://github.com/digestkit/digestkit/blob/main/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
        Assert.True(descriptor.IsEnabledByDefault);
        var expected = rule.DefaultSeverity switch
        {
            DigestSeverity.Error => DiagnosticSeverity.Error,
            DigestSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        Assert.Equal(expected, descriptor.DefaultSeverity);
        Assert.Equal(id.StartsWith("DK6", StringComparison.Ordinal), descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_has_a_docs_page_with_meaning_example_and_fix(string id)
    {
        var path = Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(path), path + " is missing");
        var page = File.ReadAllText(path);
        var rule = DigestRules.Find(id)!;
        Assert.StartsWith("# " + id + ": " + rule.Title, page, StringComparison.Ordinal);
        Assert.Contains("## What it means", page);
        Assert.Contains("## Example", page);
        Assert.Contains("## How to fix", page);
        Assert.Contains(rule.Category, page);
        Assert.Contains(rule.DefaultSeverity.ToString(), page);
        Assert.Contains("](" + id + ".md)", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics", "README.md")));
    }

    /// <summary>0.1.0 shipped the first 50 rules; a rule added since is in the unshipped release until the next one.</summary>
    [Fact]
    public void The_release_files_list_every_rule_once_with_its_category_and_severity()
    {
        var shipped = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "src", "DigestKit.Analyzers", "AnalyzerReleases.Shipped.md"));
        var unshipped = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "src", "DigestKit.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains("## Release 0.1.0", shipped);
        var shippedIds = shipped.Where(l => l.StartsWith("DK", StringComparison.Ordinal)).Select(l => l.Split('|')[0].Trim()).ToList();
        Assert.Equal(50, shippedIds.Count);
        Assert.Contains("DK1001", shippedIds);
        Assert.Contains("DK9001", shippedIds);
        var lines = shipped.Concat(unshipped).ToArray();
        var rows = lines.Where(l => l.StartsWith("DK", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[0], c => (Category: c[1], Severity: c[2]));
        Assert.Equal(DigestRules.All.Select(r => r.Id).OrderBy(i => i), rows.Keys.OrderBy(i => i));
        foreach (var rule in DigestRules.All)
        {
            Assert.Equal((rule.Category, rule.DefaultSeverity.ToString()), rows[rule.Id]);
        }

        Assert.Contains("### New Rules", unshipped);
        Assert.Contains("Rule ID | Category | Severity | Notes", unshipped);
    }
}
