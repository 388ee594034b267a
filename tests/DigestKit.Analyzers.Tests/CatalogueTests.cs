using System.Reflection;
using System.Text.RegularExpressions;
using DigestKit.Engine;
using DigestKit.Tests;
using Microsoft.CodeAnalysis;

namespace DigestKit.Analyzers.Tests;

/// <summary>
/// One catalogue (src/DigestKit.Engine/Diagnostics/DigestRules.cs) and its views: the analyzer's descriptors, the
/// release tracking files and the docs pages. The descriptors are built from it; the docs pages' catalogue parts are
/// checked here (DIGESTKIT_REGENERATE_GOLDEN=1 writes them); the release files are checked line by line.
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
        Assert.Equal(rule.Description, descriptor.Description.ToString());
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
        if (Golden.Regenerating)
        {
            AddNewRulesToTheUnshippedRelease();
        }

        var rows = new Dictionary<string, (string Category, string Severity)>(StringComparer.Ordinal);
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            var section = "";
            foreach (var line in File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "src", "DigestKit.Analyzers", file)))
            {
                if (line.StartsWith("### ", StringComparison.Ordinal))
                {
                    section = line;
                    continue;
                }

                if (!line.StartsWith("DK", StringComparison.Ordinal))
                {
                    continue;
                }

                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                switch (section)
                {
                    case "### New Rules":
                        Assert.True(rows.TryAdd(cells[0], (cells[1], cells[2])), $"{cells[0]} is a new rule twice ({file})");
                        break;
                    case "### Changed Rules":
                        Assert.True(rows.ContainsKey(cells[0]), $"{cells[0]} is changed before it is new ({file})");
                        rows[cells[0]] = (cells[1], cells[2]);
                        break;
                    case "### Removed Rules":
                        Assert.True(rows.Remove(cells[0]), $"{cells[0]} is removed before it is new ({file})");
                        break;
                    default:
                        Assert.Fail($"{file}: rule line outside a New/Changed/Removed Rules table: {line}");
                        break;
                }
            }
        }

        Assert.Equal(DigestRules.All.Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal), rows.Keys.OrderBy(i => i, StringComparer.Ordinal));
        var shipped = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "src", "DigestKit.Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Contains("## Release 0.1.0", shipped);
        Assert.Equal(50, shipped.Count(l => l.StartsWith("DK", StringComparison.Ordinal)));
        foreach (var rule in DigestRules.All)
        {
            Assert.Equal((rule.Category, rule.DefaultSeverity.ToString()), rows[rule.Id]);
        }
    }

    /// <summary>A rule in the catalogue but in neither release file gets its line in the unshipped "New Rules" table.</summary>
    private static void AddNewRulesToTheUnshippedRelease()
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "src", "DigestKit.Analyzers");
        var listed = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(f => File.ReadAllLines(Path.Combine(directory, f)))
            .Where(l => l.StartsWith("DK", StringComparison.Ordinal))
            .Select(l => l.Split('|')[0].Trim())
            .ToHashSet(StringComparer.Ordinal);
        var missing = DigestRules.All.Where(r => !listed.Contains(r.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var path = Path.Combine(directory, "AnalyzerReleases.Unshipped.md");
        var lines = File.ReadAllLines(path).ToList();
        if (!lines.Contains("### New Rules"))
        {
            lines.AddRange(["", "### New Rules", "", "Rule ID | Category | Severity | Notes", "--------|----------|----------|-------"]);
        }

        var table = lines.IndexOf("### New Rules");
        var end = table + 1;
        while (end < lines.Count && !lines[end].StartsWith("### ", StringComparison.Ordinal))
        {
            end++;
        }

        while (end > table + 1 && lines[end - 1].Length == 0)
        {
            end--;
        }

        lines.InsertRange(end, missing.Select(r =>
            $"{r.Id} | {r.Category} | {r.DefaultSeverity} | {r.Title}, [Documentation](../../docs/diagnostics/{r.Id}.md)"));
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void Every_rule_field_is_in_All_with_a_description_and_a_well_formed_id()
    {
        var fields = typeof(DigestRules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DigestRule))
            .Select(f => (DigestRule)f.GetValue(null)!)
            .ToList();
        Assert.Equal(fields.Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal), DigestRules.All.Select(r => r.Id));
        foreach (var rule in DigestRules.All)
        {
            Assert.Matches("^DK[1-9][0-9]{3}$", rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), rule.Id + " has no Description in DigestRules.cs");
            Assert.DoesNotContain("\n", rule.Description);
            Assert.StartsWith("DigestKit.", rule.Category, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_docs_page_is_a_rule()
    {
        var pages = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics"), "DK*.md")
            .Select(p => Path.GetFileNameWithoutExtension(p)).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(DigestRules.All.Select(r => r.Id).OrderBy(i => i, StringComparer.Ordinal), pages);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_docs_page_has_the_catalogue_header_description_and_configuring_section(string id)
    {
        var rule = DigestRules.Find(id)!;
        var directory = Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics");
        var path = Path.Combine(directory, id + ".md");
        var page = DocsPages.Page(rule, File.Exists(path) ? File.ReadAllText(path) : null);
        Golden.AssertMatches(directory, id + ".md", page);
        Assert.DoesNotContain("TODO", DocsPages.HandWritten(page));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_on_a_digest_names_the_part_of_the_writers_guide_it_checks(string id)
    {
        var rule = DigestRules.Find(id)!;
        // Rules on C# code and on the build (the project's items, not a digest's text) have no part of the guide.
        if (DigestEngine.OwnerOf(rule)?.Kind is DigestRuleOwnerKind.CSharpCode or DigestRuleOwnerKind.Build)
        {
            Assert.Null(rule.GuideSection);
            return;
        }

        Assert.True(rule.GuideSection is not null,
            $"{id} has no GuideSection in DigestRules.cs: set GuideSection = DigestGuide.X, the part of {DigestGuide.Path} that describes what it checks");
        var headings = DocsPages.GuideHeadings();
        Assert.True(headings.ContainsKey(rule.GuideSection),
            $"{id}'s GuideSection '{rule.GuideSection}' is no heading of {DigestGuide.Path}; its anchors are: {string.Join(", ", headings.Keys)}");
        Assert.Equal("https://github.com/digestkit/digestkit/blob/main/docs/format.md#" + rule.GuideSection, rule.GuideLink);
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics", id + ".md"));
        Assert.Contains($"| Writer's guide | [{headings[rule.GuideSection]}](../format.md#{rule.GuideSection}) |", page);
    }

    [Fact]
    public void Every_constant_of_DigestGuide_is_a_heading_of_the_guide_and_the_README_links_the_guide()
    {
        var headings = DocsPages.GuideHeadings();
        var anchors = typeof(DigestGuide).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name != nameof(DigestGuide.Path))
            .Select(f => (string)f.GetValue(null)!)
            .ToList();
        Assert.NotEmpty(anchors);
        Assert.All(anchors, a => Assert.True(headings.ContainsKey(a), $"DigestGuide's '{a}' is no heading of {DigestGuide.Path}"));
        Assert.Equal("metrics-line", DocsPages.Anchor("Metrics line"));
        Assert.Equal("title-slug-and-description", DocsPages.Anchor("Title, slug and description"));
        Assert.Contains("](docs/format.md)", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md")));
    }

    [Fact]
    public void The_docs_index_lists_every_rule()
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics");
        Golden.AssertMatches(directory, "README.md", DocsPages.Index(File.ReadAllText(Path.Combine(directory, "README.md"))));
    }

    [Fact]
    public void The_fix_families_and_the_code_fix_provider_come_from_the_catalogue()
    {
        Assert.Equal(new[] { "DK2003", "DK2004", "DK2016", "DK4001", "DK4002", "DK5001", "DK5002" }, DigestRules.All.Where(r => r.Fix is not null).Select(r => r.Id).ToArray());
        Assert.Equal(new[] { "DK5001", "DK5002" }, DigestFixes.IdsOf(DigestFixes.MisencodedText));
        Assert.Equal(new[] { "DK2003", "DK2004" }, DigestFixes.IdsOf(DigestFixes.Renumbering));
        Assert.Equal(new[] { "DK4001", "DK4002" }, DigestFixes.IdsOf(DigestFixes.MissingLink));
        Assert.Equal(new[] { "DK2016" }, DigestFixes.IdsOf(DigestFixes.LineSeparator));
        Assert.Equal(new[] { DigestFixes.MisencodedText, DigestFixes.LineSeparator, DigestFixes.Renumbering, DigestFixes.MissingLink }, DigestFixes.All);
    }

    /// <summary>An ID written out anywhere but the catalogue is a second declaration that can drift from it.</summary>
    [Fact]
    public void A_diagnostic_id_is_a_string_literal_only_in_the_catalogue()
    {
        var literal = new Regex("\"DK[0-9]{4}", RegexOptions.CultureInvariant);
        var files = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => literal.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(TestPaths.RepoRoot, f).Replace('\\', '/'))
            .ToArray();
        Assert.Equal(new[] { "src/DigestKit.Engine/Diagnostics/DigestRules.cs" }, files);
    }

    /// <summary>DK9006 and DK9007 are MSBuild's Warning/Error in the targets: their codes, texts and help links are the catalogue's.</summary>
    [Fact]
    public void The_targets_report_the_catalogue_codes_messages_and_help_links()
    {
        var targets = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "src", "DigestKit", "buildTransitive", "DigestKit.targets"));
        Assert.Contains("<_DigestKitHelpLinkBase>" + DigestRule.HelpLinkBase + "</_DigestKitHelpLinkBase>", targets, StringComparison.Ordinal);
        Assert.Contains($"Code=\"{DigestRules.ContentMatchesNothing.Id}\" HelpLink=\"$(_DigestKitHelpLinkBase){DigestRules.ContentMatchesNothing.Id}.md\"", targets, StringComparison.Ordinal);
        Assert.Contains("Text=\"" + DigestRules.ContentMatchesNothing.FormatMessage("$(DigestKitContent)") + "\"", targets, StringComparison.Ordinal);
        Assert.Contains($"Code=\"{DigestRules.UnusableFileName.Id}\"", targets, StringComparison.Ordinal);
        Assert.Contains($"HelpLink=\"$(_DigestKitHelpLinkBase){DigestRules.UnusableFileName.Id}.md\"", targets, StringComparison.Ordinal);
        var shown = "$([System.String]::Copy('%(_DigestKitUnusable.FullPath)').Replace('&#13;', '[CR]').Replace('&#10;', '[LF]'))";
        Assert.Contains("Text=\"" + DigestRules.UnusableFileName.FormatMessage(shown, "%(_DigestKitUnusable.DigestKitReason)") + "\"", targets, StringComparison.Ordinal);
    }
}
