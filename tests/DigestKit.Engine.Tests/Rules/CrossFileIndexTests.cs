using DigestKit.Engine;
using DigestKit.Engine.Tests.Parsing;
using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Rules;

/// <summary>
/// The compact index the cross-file rules read (<see cref="CrossFileEntry"/>), which hosts keep instead of the
/// documents: what it holds, and the rules' verdicts over a corpus from it.
/// </summary>
public class CrossFileIndexTests
{
    [Fact]
    public void An_entry_holds_the_slug_and_the_papers_with_an_identifier_and_their_spans()
    {
        var text = Digests.Digest(Digests.Paper(), Digests.Paper(rank: 2, links: "- links: none"));
        var document = DigestEngine.Analyze("a.md", text).Document;
        var entry = CrossFileEntry.From(document);
        Assert.Equal("a.md", entry.Path);
        Assert.Equal("hot-papers-2021-06-21", entry.Slug?.Value);
        var paper = Assert.Single(entry.Papers);
        Assert.Equal("2106.10155", paper.Id);
        Assert.Equal(document.Papers[0].Title.Span, paper.TitleSpan);
        Assert.Equal(document.Papers[0].AuthorLineSpan, paper.AuthorLineSpan);
    }

    [Fact]
    public void Keys_ignore_runs_of_white_space_as_the_rules_do_and_tell_other_texts_apart()
    {
        var paper = Digests.Paper();
        var spaced = Digests.Paper(title: "World-GAN:  a Generative Model for  Minecraft Worlds", authors: "Maren Awiszus,  Frederik Schubert, Bodo Rosenhahn");
        var other = Digests.Paper(title: "World-GAN: a Generative Model for Minecraft World", authors: "Maren Awiszus, Frederik Schubert");
        CrossFilePaper Of(string section) => Assert.Single(CrossFileEntry.From(DigestEngine.Analyze("a.md", Digests.Digest(section)).Document).Papers);
        Assert.Equal((Of(paper).TitleKey, Of(paper).AuthorKey), (Of(spaced).TitleKey, Of(spaced).AuthorKey));
        Assert.NotEqual(Of(paper).TitleKey, Of(other).TitleKey);
        Assert.NotEqual(Of(paper).AuthorKey, Of(other).AuthorKey);
    }

    [Fact]
    public void An_empty_slug_is_not_kept()
    {
        var text = Digests.Digest(Digests.Paper()).Replace("slug: \"hot-papers-2021-06-21\"", "slug: \"\"");
        Assert.Null(CrossFileEntry.From(DigestEngine.Analyze("a.md", text).Document).Slug);
    }

    /// <summary>
    /// Every sample digest twice (a/, b/), the second copies mutated: one paper's title reworded, one author list
    /// changed, one only re-spaced. Expected: DK6001 on every b/ file, naming its a/ twin, and DK6002 exactly on
    /// the reworded title and the changed author list; the same from the entries as from the documents.
    /// </summary>
    [Fact]
    public void Over_the_sample_corpus_twice_mutated_the_index_gives_exactly_the_expected_verdicts()
    {
        var files = TestPaths.AllSampleFiles.Where(f => f.EndsWith(".md", StringComparison.Ordinal)).ToArray();
        Assert.Equal(30, files.Length);
        var documents = new List<DigestDocument>();
        string? retitled = null, reauthored = null, respaced = null;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var text = File.ReadAllText(file);
            documents.Add(DigestEngine.Analyze("a/" + name, text).Document);
            var first = DigestEngine.Analyze(name, text).Document.Papers.FirstOrDefault(p => p.ArxivId is not null && p.AuthorLineSpan is not null && p.Authors.Count > 1);
            if (first is null)
            {
                // No paper with an identifier and two authors: left as it is.
            }
            else if (retitled is null)
            {
                retitled = name;
                text = text.Remove(first.Title.Span.Start, first.Title.Span.Length).Insert(first.Title.Span.Start, "A Reworded Title");
            }
            else if (reauthored is null)
            {
                reauthored = name;
                var author = first.Authors[0].Span;
                text = text.Remove(author.Start, author.Length).Insert(author.Start, "Someone Else");
            }
            else if (respaced is null)
            {
                respaced = name;
                var author = first.Authors[1].Span;
                text = text.Insert(author.Start, " ");
            }

            documents.Add(DigestEngine.Analyze("b/" + name, text).Document);
        }

        var fromEntries = DigestEngine.AnalyzeAcrossFiles(documents.Select(CrossFileEntry.From).Reverse().ToList());
        Assert.Equal(DigestEngine.AnalyzeAcrossFiles(documents), fromEntries);
        Assert.Equal(files.Select(f => ("DK6001", "b/" + Path.GetFileName(f), "a/" + Path.GetFileName(f))),
            fromEntries.Where(d => d.Id == "DK6001").Select(d => (d.Id, d.Path, d.Arguments[1])));
        Assert.Equal(new[] { ("b/" + retitled, "title"), ("b/" + reauthored, "author list") },
            fromEntries.Where(d => d.Id == "DK6002").Select(d => (d.Path, d.Arguments[1])));
    }
}
