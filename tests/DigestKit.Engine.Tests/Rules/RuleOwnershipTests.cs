using DigestKit.Engine;
using DigestKit.Engine.Parsing;
using DigestKit.Engine.Rules;
using DigestKit.Engine.Tests.Parsing;

namespace DigestKit.Engine.Tests.Rules;

/// <summary>
/// One rule shape: the parser, each document rule, the cross-file rules and the engine each declare the rules they
/// report, every catalogue rule has exactly one of them, and reporting an undeclared rule is caught.
/// </summary>
public class RuleOwnershipTests
{
    [Fact]
    public void Every_catalogue_rule_is_reported_by_exactly_one_owner()
    {
        foreach (var rule in DigestRules.All)
        {
            var owners = DigestEngine.Owners.Where(o => o.Reports.Contains(rule)).Select(o => o.Name).ToArray();
            Assert.True(owners.Length == 1, $"{rule.Id} is reported by [{string.Join(", ", owners)}]: exactly one owner expected");
        }

        var declared = DigestEngine.Owners.SelectMany(o => o.Reports).ToArray();
        Assert.All(declared, r => Assert.Same(DigestRules.Find(r.Id), r));
        Assert.Equal(DigestRules.All.Count, declared.Length);
    }

    [Fact]
    public void The_owners_are_the_parser_the_document_rules_the_cross_file_rules_the_engine_the_usage_analyzer_and_the_build()
    {
        Assert.Equal(
            new[] { "parser", "front matter", "numbering", "duplicate papers", "metrics", "links", "tweets", "encoding", "cross-file", "engine", "usage", "build" },
            DigestEngine.Owners.Select(o => o.Name).ToArray());
        Assert.Same(DigestParser.Owner, DigestEngine.OwnerOf(DigestRules.UnexpectedContent));
        Assert.Same(DigestParser.Owner, DigestEngine.OwnerOf(DigestRules.InvalidCount));
        Assert.Same(DigestParser.Owner, DigestEngine.OwnerOf(DigestRules.EmptyAuthor));
        Assert.Equal("numbering", DigestEngine.OwnerOf(DigestRules.NumberingGap)!.Name);
        Assert.Equal(DigestRuleOwnerKind.Engine, DigestEngine.OwnerOf(DigestRules.InternalError)!.Kind);
        Assert.Equal("encoding", DigestEngine.OwnerOf(DigestRules.UncertainMojibake)!.Name);
        Assert.Equal(DigestRuleOwnerKind.CSharpCode, DigestEngine.OwnerOf(DigestRules.UnknownSlug)!.Kind);
        Assert.Equal(DigestRuleOwnerKind.Build, DigestEngine.OwnerOf(DigestRules.NotEmbedded)!.Kind);
    }

    [Fact]
    public void A_document_rule_reporting_a_rule_it_does_not_declare_gets_DK9001_and_the_others_still_run()
    {
        var text = Digests.Digest(Digests.Paper(1), Digests.Paper(3));
        var document = Digests.Analyze(text).Document;
        var sloppy = new DocumentRule("sloppy", c => c.Report(DigestRules.ScoreOrder, SourceSpan.FileStart, "1", "2", "3", "4"), DigestRules.NumberingGap);
        var found = DocumentRules.Check(document, text, new[] { sloppy, NumberingRules.Rule });
        Assert.Equal(new[] { "DK9001", "DK2003" }, found.Select(d => d.Id).ToArray());
        Assert.Equal("DigestKit could not check this file: the sloppy rules failed: DK3005 is reported by the sloppy rules, which do not declare it; report it as a DigestKit issue, with this file", found[0].Message);
    }
}
