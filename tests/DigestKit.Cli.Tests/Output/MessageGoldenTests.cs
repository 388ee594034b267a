using DigestKit.Cli.Output;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Engine;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.Output;

/// <summary>
/// Every rule's message as a writer meets it: tests/Data/messages/DKnnnn.md is a small digest that triggers DKnnnn,
/// the engine checks each one, and the human formatter prints them all into one golden file
/// (Golden/messages/messages.txt) with the ID, the position, the message and the help link.
/// A cross-file rule's digest is checked together with DKnnnn.first.md, the digest it is compared with.
/// </summary>
public sealed class MessageGoldenTests
{
    /// <summary>Rules no digest can trigger, and why; every other rule must have its trigger digest.</summary>
    private static readonly Dictionary<string, string> Untriggerable = new(StringComparer.Ordinal)
    {
        [DigestRules.UnknownSlug.Id] = "on C# code: tests/DigestKit.Generator.Tests/UsageAnalyzerTests.cs checks its message",
        [DigestRules.UnknownPaper.Id] = "on C# code: tests/DigestKit.Generator.Tests/UsageAnalyzerTests.cs checks its message",
        [DigestRules.UnknownAuthor.Id] = "on C# code: tests/DigestKit.Generator.Tests/UsageAnalyzerTests.cs checks its message",
        [DigestRules.UnknownCategoryName.Id] = "on C# code: tests/DigestKit.Generator.Tests/UsageAnalyzerTests.cs checks its message",
        [DigestRules.InternalError.Id] = "DigestKit's own failure: RobustRulesTests and RuleOwnershipTests provoke it with broken rules",
        [DigestRules.DiagnosticsOmitted.Id] = "needs more than 200 diagnostics in one file: HostileInputEndToEndTests (4 MB of '#' lines) checks it through the CLI",
        [DigestRules.NotEmbedded.Id] = "on the build (a lowered blocking error): tests/DigestKit.Analyzers.Tests/NotEmbeddedTests.cs checks its message",
        [DigestRules.ContentMatchesNothing.Id] = "on the build's items: CatalogueTests holds the targets' text to the catalogue, ResourceModeBuildTests sees it in a real build",
        [DigestRules.UnusableFileName.Id] = "on the build's items: CatalogueTests holds the targets' text to the catalogue, ResourceModeBuildTests sees it in a real build",
    };

    private static string MessagesDir => Path.Combine(TestPaths.DataDir, "messages");

    private static string DisplayPath(string file) => "messages/" + Path.GetFileName(file);

    /// <summary>Each rule's trigger digest, with the digest a cross-file rule compares it with, in ID order.</summary>
    private static List<(DigestRule Rule, string? First, string Trigger)> Triggers() =>
        DigestRules.All
            .Where(r => !Untriggerable.ContainsKey(r.Id))
            .Select(r => (r, File.Exists(FirstOf(r)) ? FirstOf(r) : null, Path.Combine(MessagesDir, r.Id + ".md")))
            .ToList()!;

    private static string FirstOf(DigestRule rule) => Path.Combine(MessagesDir, rule.Id + ".first.md");

    [Fact]
    public void Every_rule_has_a_trigger_digest_or_a_reason_it_has_none()
    {
        foreach (var (rule, first, trigger) in Triggers())
        {
            Assert.True(File.Exists(trigger),
                $"{rule.Id} has no trigger digest: add tests/Data/messages/{rule.Id}.md, a small digest (copy a neighbour and change one line) on which the engine reports {rule.Id}" +
                (rule.IsCrossFile ? $", and tests/Data/messages/{rule.Id}.first.md, the digest it is compared with" : "") +
                $", then run DIGESTKIT_REGENERATE_GOLDEN=1 dotnet test tests/DigestKit.Cli.Tests -c Release --filter MessageGoldenTests and review Golden/messages/messages.txt. " +
                "If no digest can trigger it, add it to MessageGoldenTests.Untriggerable with the reason.");
            Assert.Equal(rule.IsCrossFile, first is not null);
        }

        var expected = DigestRules.All.SelectMany(r => new[] { r.Id + ".md", r.Id + ".first.md" }).ToHashSet(StringComparer.Ordinal);
        var strays = Directory.GetFiles(MessagesDir).Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToArray();
        Assert.True(strays.Length == 0, "tests/Data/messages holds files that trigger no rule of the catalogue: " + string.Join(", ", strays));
    }

    [Fact]
    public void Each_trigger_digest_gets_its_rule()
    {
        foreach (var (rule, first, trigger) in Triggers().Where(t => File.Exists(t.Trigger)))
        {
            var ids = Check(first, trigger).Select(d => d.Id).ToList();
            Assert.True(ids.Contains(rule.Id), $"tests/Data/messages/{rule.Id}.md does not trigger {rule.Id}; it gets: {string.Join(", ", ids)}");
        }
    }

    [Fact]
    public void Every_message_as_the_human_output_prints_it_matches_the_golden_file()
    {
        var files = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var diagnostics = new List<DigestDiagnostic>();
        foreach (var (_, first, trigger) in Triggers().Where(t => File.Exists(t.Trigger)))
        {
            foreach (var file in new[] { first, trigger }.OfType<string>())
            {
                files.Add(DisplayPath(file));
                texts[DisplayPath(file)] = File.ReadAllText(file);
            }

            diagnostics.AddRange(Check(first, trigger));
        }

        var output = new StringWriter();
        HumanFormatter.Write(output, new CheckReport(files, diagnostics, path => texts.GetValueOrDefault(path)), color: false);
        var header = "# One diagnostic of every rule, from tests/Data/messages/DKnnnn.md, as 'digestkit check' prints it.\n"
            + "# Not here: " + string.Join("; ", Untriggerable.Select(u => u.Key + " (" + u.Value + ")")) + ".\n";
        Golden.AssertMatches(CliTestPaths.GoldenDir, Path.Combine("messages", "messages.txt"), header + output.ToString());
    }

    /// <summary>The diagnostics of <paramref name="trigger"/>, with the cross-file ones against <paramref name="first"/>.</summary>
    private static List<DigestDiagnostic> Check(string? first, string trigger)
    {
        var analyses = new[] { first, trigger }.OfType<string>()
            .Select(f => DigestEngine.Analyze(DisplayPath(f), File.ReadAllText(f)))
            .ToList();
        var diagnostics = analyses.SelectMany(a => a.Diagnostics).ToList();
        if (first is not null)
        {
            diagnostics.AddRange(DigestEngine.AnalyzeAcrossFiles(analyses.Select(a => a.Document).ToList()));
        }

        return diagnostics;
    }
}
