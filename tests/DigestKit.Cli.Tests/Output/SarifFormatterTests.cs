using System.Text;
using System.Text.Json;
using DigestKit.Cli.Docs;
using DigestKit.Cli.Output;
using DigestKit.Engine;

namespace DigestKit.Cli.Tests.Output;

/// <summary>What GitHub code scanning and the SARIF Multitool require of the SARIF report, property by property.</summary>
public sealed class SarifFormatterTests
{
    private static JsonDocument Render(CheckReport report, SarifOptions options)
    {
        var stream = new MemoryStream();
        SarifFormatter.Write(stream, report, options);
        return JsonDocument.Parse(new UTF8Encoding(false, true).GetString(stream.ToArray()));
    }

    private static JsonElement Run(JsonDocument sarif) => sarif.RootElement.GetProperty("runs")[0];

    private static List<JsonElement> Results(JsonDocument sarif) => Run(sarif).GetProperty("results").EnumerateArray().ToList();

    private static JsonElement Artifact(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");

    private static string Fingerprint(JsonElement result) =>
        result.GetProperty("partialFingerprints").GetProperty(SarifFormatter.FingerprintKey).GetString()!;

    [Fact]
    public void Every_rule_has_name_descriptions_help_from_its_docs_page_and_help_uri()
    {
        using var sarif = Render(ConstructedReports.Create(), ConstructedReports.SarifAtRoot);
        var rules = Run(sarif).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(DigestRules.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var (rule, json) in DigestRules.All.Zip(rules))
        {
            var name = json.GetProperty("name").GetString()!;
            Assert.Matches("^[A-Z][A-Za-z0-9]+$", name);
            Assert.Equal(rule.Title, json.GetProperty("shortDescription").GetProperty("text").GetString());
            var full = json.GetProperty("fullDescription").GetProperty("text").GetString()!;
            Assert.True(full.Length > rule.Title.Length && full.EndsWith('.'), $"{rule.Id}: {full}");
            var help = json.GetProperty("help");
            Assert.Equal(RuleDocs.Markdown(rule.Id)!.TrimEnd('\n'), help.GetProperty("markdown").GetString());
            var text = help.GetProperty("text").GetString()!;
            Assert.StartsWith($"{rule.Id}: {rule.Title}\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain("```", text, StringComparison.Ordinal);
            Assert.DoesNotContain("|---", text, StringComparison.Ordinal);
            Assert.DoesNotContain('`', text);
            Assert.Equal(rule.HelpLink, json.GetProperty("helpUri").GetString());

            // The Multitool (SARIF2001) wants rule message strings to end with a period; the results carry their
            // full text, so none are written.
            Assert.False(json.TryGetProperty("messageStrings", out _), rule.Id);
        }

        var dk1001 = rules[0];
        Assert.Equal("FrontMatterIsMissing", dk1001.GetProperty("name").GetString());
        Assert.Equal("The file does not begin with a '---' line, so it has no front matter: the digest has no title, date or slug to embed.",
            dk1001.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Contains("\nCategory: DigestKit.FrontMatter\nDefault severity: Error\n", dk1001.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_pages_are_embedded_and_only_ids_find_them()
    {
        foreach (var rule in DigestRules.All)
        {
            Assert.StartsWith($"# {rule.Id}: {rule.Title}\n", RuleDocs.Markdown(rule.Id), StringComparison.Ordinal);
        }

        Assert.Equal(RuleDocs.Markdown("DK1001"), RuleDocs.Markdown("dk1001"));
        Assert.Null(RuleDocs.Markdown("DK0000"));
        Assert.Null(RuleDocs.Markdown("README"));
        Assert.Null(RuleDocs.Markdown("../DK1001"));
        Assert.Null(RuleDocs.Markdown(string.Empty));
    }

    [Fact]
    public void Result_messages_are_sentences_and_there_is_no_artifacts_array()
    {
        using var sarif = Render(ConstructedReports.Create(), ConstructedReports.SarifAtRoot);
        Assert.False(Run(sarif).TryGetProperty("artifacts", out _));
        var messages = Results(sarif).Select(r => r.GetProperty("message").GetProperty("text").GetString()!).ToList();
        Assert.Contains("The retweets count '-208' is not a whole number of 0 or more; write one such as 12.", messages);

        // A question is a sentence already.
        Assert.Contains("Author name 'Petar Veliƒçkoviƒá' looks mis-encoded (UTF-8 read as Mac OS Roman); write 'Petar Veličković' ('digestkit fix' repairs it).", messages);
        Assert.All(messages, m => Assert.True(m.EndsWith('.') || m.EndsWith('?'), m));
    }

    [Theory]
    [InlineData("/repo", "/repo", "check/broken.md", "SRCROOT")]
    [InlineData("/repo", "/repo/content/sub", "content/sub/check/broken.md", "SRCROOT")]
    [InlineData("/elsewhere", "/repo", "file:///repo/check/broken.md", null)]
    public void Locations_are_relative_to_the_repository_root_under_a_declared_base(string root, string cwd, string uri, string? baseId)
    {
        using var sarif = Render(ConstructedReports.Create(), new SarifOptions(root, cwd));
        var run = Run(sarif);
        var bases = run.GetProperty("originalUriBaseIds");
        Assert.Equal(root + "/", new Uri(bases.GetProperty("SRCROOT").GetProperty("uri").GetString()!).AbsolutePath);
        Assert.Equal("file", new Uri(bases.GetProperty("SRCROOT").GetProperty("uri").GetString()!).Scheme);
        var result = Results(sarif).First(r => r.GetProperty("ruleId").GetString() == "DK3001");
        var artifact = Artifact(result);
        Assert.Equal(uri, artifact.GetProperty("uri").GetString());
        Assert.Equal(baseId, artifact.TryGetProperty("uriBaseId", out var b) ? b.GetString() : null);

        var fix = Results(sarif).First(r => r.GetProperty("ruleId").GetString() == "DK5001")
            .GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("artifactLocation");
        Assert.Equal(baseId, fix.TryGetProperty("uriBaseId", out var fb) ? fb.GetString() : null);
    }

    [Fact]
    public void A_diagnostic_without_a_file_and_unreadable_files_are_tool_notifications_not_results()
    {
        var options = ConstructedReports.SarifAtRoot with { ToolErrors = ["cannot read 'check/gone.md': Permission denied"] };
        using var sarif = Render(ConstructedReports.Create(), options);
        Assert.DoesNotContain(Results(sarif), r => r.GetProperty("ruleId").GetString() == "DK9001");
        var invocation = Run(sarif).GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        Assert.Equal(2, notifications.Count);
        Assert.Equal("DK9001", notifications[0].GetProperty("associatedRule").GetProperty("id").GetString());
        Assert.Equal("DigestKit could not check this file: a cross-file rule failed: constructed for the test; report it as a DigestKit issue, with this file.",
            notifications[0].GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("error", notifications[1].GetProperty("level").GetString());
        Assert.Equal("Cannot read 'check/gone.md': Permission denied.", notifications[1].GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Fingerprints_survive_line_moves_and_tell_repeated_findings_apart()
    {
        var text = ConstructedReports.BrokenText;
        var heading = text.IndexOf("\n# 1.", StringComparison.Ordinal);
        Assert.True(heading > 0);
        var moved = text[..heading] + "\n\n\n" + text[heading..];

        Dictionary<string, (string Fingerprint, int Line)> FingerprintsOf(string digest)
        {
            var analysis = DigestEngine.Analyze(ConstructedReports.BrokenPath, digest);
            var report = new CheckReport([ConstructedReports.BrokenPath], analysis.Diagnostics, _ => digest);
            using var sarif = Render(report, ConstructedReports.SarifAtRoot);
            return Results(sarif).ToDictionary(
                r => r.GetProperty("ruleId").GetString() + " " + r.GetProperty("message").GetProperty("text").GetString(),
                r => (Fingerprint(r), r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()));
        }

        var before = FingerprintsOf(text);
        var after = FingerprintsOf(moved);
        Assert.Contains("DK3001 The retweets count '-208' is not a whole number of 0 or more; write one such as 12.", before.Keys);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (key, (fingerprint, line)) in before)
        {
            Assert.Equal(fingerprint, after[key].Fingerprint);
            Assert.True(after[key].Line == (line < 18 ? line : line + 3), $"{key}: line {line} -> {after[key].Line}");
        }

        Assert.Contains(before.Values, v => v.Line > 18);

        Assert.Matches("^[0-9a-f]{32}$", before.Values.First().Fingerprint);
        Assert.Equal(before.Count, before.Values.Select(v => v.Fingerprint).Distinct().Count());

        // The same finding twice on identical lines: two alerts, told apart by their occurrence.
        const string twice = "x\nsame line\nsame line\n";
        var rule = DigestRules.UnexpectedContent;
        var repeated = new CheckReport(["a.md"],
            [ConstructedReports.At(twice, "a.md", "same", rule, "same", "here"), rule.Create("a.md", new LineMap(twice).Span(12, 4), "same", "here")],
            _ => twice);
        using var sarifTwice = Render(repeated, ConstructedReports.SarifAtRoot);
        var prints = Results(sarifTwice).Select(Fingerprint).ToList();
        Assert.Equal(2, prints.Distinct().Count());
    }

    [Fact]
    public void The_engines_cross_file_related_location_is_the_related_location_of_the_result()
    {
        const string first = "---\ntitle: Hot Papers 2021-06-21\nslug: \"hot-papers-2021-06-21\"\n---\n";
        const string second = "---\ntitle: Hot Papers 2021-06-22\n\nslug: \"hot-papers-2021-06-21\"\n---\n";
        var texts = new Dictionary<string, string> { ["content/a.md"] = first, ["content/b.md"] = second };
        var documents = texts.Select(t => DigestEngine.Analyze(t.Key, t.Value).Document).ToList();
        var duplicate = Assert.Single(DigestEngine.AnalyzeAcrossFiles(documents), d => d.Id == DigestRules.DuplicateSlug.Id);
        using var sarif = Render(new CheckReport(["content/a.md", "content/b.md"], [duplicate], p => texts.GetValueOrDefault(p)), new SarifOptions("/repo", "/repo"));

        var related = Assert.Single(Results(sarif).Single().GetProperty("relatedLocations").EnumerateArray());
        var location = related.GetProperty("physicalLocation");
        Assert.Equal("content/a.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal((3, 7, first.IndexOf("\"hot", StringComparison.Ordinal), "\"hot-papers-2021-06-21\"".Length),
            (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(), region.GetProperty("charOffset").GetInt32(), region.GetProperty("charLength").GetInt32()));
        Assert.Equal("slug 'hot-papers-2021-06-21' first used here.", related.GetProperty("message").GetProperty("text").GetString());
        Assert.Contains("[content/a.md](1)", Results(sarif).Single().GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cross_file_results_carry_the_other_file_as_a_related_location_linked_from_the_message()
    {
        const string first = "---\ntitle: Hot Papers 2021-06-21\nslug: \"hot-papers-2021-06-21\"\n---\n";
        const string second = "---\ntitle: Hot Papers 2021-06-22\n\nslug: \"hot-papers-2021-06-21\"\n---\n";
        var texts = new Dictionary<string, string> { ["content/a.md"] = first, ["content/b.md"] = second };
        var duplicate = ConstructedReports.At(second, "content/b.md", "\"hot-papers-2021-06-21\"", DigestRules.DuplicateSlug, "hot-papers-2021-06-21", "content/a.md");
        var paper = ConstructedReports.At(second, "content/b.md", "Hot Papers", DigestRules.InconsistentPaper, "2106.09785", "title", "content/a.md");
        using var sarif = Render(new CheckReport(["content/a.md", "content/b.md"], [duplicate, paper], p => texts.GetValueOrDefault(p)), new SarifOptions("/repo", "/repo"));

        var results = Results(sarif);
        var slug = results.Single(r => r.GetProperty("ruleId").GetString() == "DK6001");
        Assert.Equal("Slug 'hot-papers-2021-06-21' is also used by [content/a.md](1); give each digest its own slug.", slug.GetProperty("message").GetProperty("text").GetString());
        var related = slug.GetProperty("relatedLocations")[0];
        Assert.Equal(1, related.GetProperty("id").GetInt32());
        var location = related.GetProperty("physicalLocation");
        Assert.Equal("content/a.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        Assert.Equal(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(8, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal("The first digest with the slug 'hot-papers-2021-06-21'.", related.GetProperty("message").GetProperty("text").GetString());

        // The paper's identifier is not in the first file's text: the related location is the file alone.
        var inconsistent = results.Single(r => r.GetProperty("ruleId").GetString() == "DK6002");
        Assert.Equal("arXiv paper '2106.09785' has a different title in [content/a.md](1); check which one is right.", inconsistent.GetProperty("message").GetProperty("text").GetString());
        var paperLocation = inconsistent.GetProperty("relatedLocations")[0].GetProperty("physicalLocation");
        Assert.Equal("content/a.md", paperLocation.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(paperLocation.TryGetProperty("region", out _));

        Assert.All(results.Where(r => r.GetProperty("ruleId").GetString() is not ("DK6001" or "DK6002")), r => Assert.False(r.TryGetProperty("relatedLocations", out _)));
    }

    [Fact]
    public void A_run_over_the_limit_keeps_the_most_severe_results_and_says_how_many_were_left_out()
    {
        Assert.Equal(25_000, SarifOptions.GitHubResultLimit);
        Assert.Equal(SarifOptions.GitHubResultLimit, ConstructedReports.SarifAtRoot.MaxResults);

        var report = ConstructedReports.Create();
        var located = report.Diagnostics.Count(d => d.Path.Length > 0);
        using var sarif = Render(report, ConstructedReports.SarifAtRoot with { MaxResults = 4 });
        var results = Results(sarif);
        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.Equal("error", r.GetProperty("level").GetString()));

        // Still in report order.
        var expected = report.Diagnostics.Where(d => d.Path.Length > 0 && d.Severity == DigestSeverity.Error).Take(4).Select(d => d.Id);
        Assert.Equal(expected, results.Select(r => r.GetProperty("ruleId").GetString()));

        var note = Run(sarif).GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray()
            .Single(n => n.TryGetProperty("properties", out _));
        Assert.Equal("warning", note.GetProperty("level").GetString());
        Assert.Equal(located - 4, note.GetProperty("properties").GetProperty("resultsLeftOut").GetInt32());
        Assert.StartsWith($"{located - 4} of {located} results were left out: GitHub code scanning accepts at most 25000 results per run",
            note.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);

        using var whole = Render(report, ConstructedReports.SarifAtRoot);
        Assert.Equal(located, Results(whole).Count);
    }
}
