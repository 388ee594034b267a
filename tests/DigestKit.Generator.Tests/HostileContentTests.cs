using DigestKit.Analyzers.Generator;
using DigestKit.Analyzers.Generator.Model;
using DigestKit.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DigestKit.Generator.Tests;

/// <summary>Content that tries to escape a literal or change the program compiles, runs and reads back unchanged.</summary>
public sealed class HostileContentTests
{
    /// <summary>Each one aimed at a way out of a string literal or at fooling a reader of the generated code.</summary>
    public static readonly string[] Hostile =
    [
        "quote \" and \"\" and \"\"\" raw",
        "backslash \\ and \\\" and \\u0041 and \\n",
        "new\nline and\r\nCRLF and \rCR and NEL\u0085",
        "line separator\u2028paragraph\u2029end",
        "nul\0byte and \u0001 \u001F \u007F",
        "comment */ close and /* open and // line",
        "\n#line 1 \"evil.cs\"\n#error boom\n#if false",
        "{0} {{ }} {interpolation} $\"{x}\"",
        "bidi \u202Eevil\u202C \u2066isolate\u2069 \u200Fmark \u061C",
        "zero\u200Bwidth \uFEFF bom \u00AD soft",
        "\"u8 + \"x",
        "emoji 🤯 and CJK 中文 and Veličković",
        "\"; } } class Evil { static void M() { System.Environment.Exit(1); } } /*",
        "",
    ];

    /// <summary>Unpaired surrogates: no u8 literal can hold them, so the data format keeps them as UTF-16.</summary>
    public static readonly string[] Surrogates = ["lone high \uD83E end", "lone low \uDD2F end", "\uDC00\uD800"];

    private static IEnumerable<string> All => Hostile.Concat(Surrogates);

    private static DigestSpec HostileDigest(string slug, IEnumerable<string> values)
    {
        var v = values.ToArray();
        string At(int i) => v[i % v.Length];
        var tweets = v.Select((s, i) => new TweetSpec
        {
            AuthorName = s, Handle = At(i + 1), StatusId = i, Url = At(i + 2), Date = new DateTime(2021, 1, 1).AddDays(i),
            Text = At(i + 3), Html = At(i + 4), Language = At(i + 5),
        }).ToEquatableArray();
        var papers = v.Select((s, i) => new PaperSpec
        {
            Rank = i + 1, Title = s, Authors = new[] { At(i + 1), At(i + 2) }.ToEquatableArray(), Retweets = i, Favorites = long.MaxValue - i,
            MeasuredAt = DateTime.MaxValue, ArxivId = At(i + 3), AbsUrl = At(i + 4), PdfUrl = At(i + 5),
            Categories = new[] { At(i + 6) }.ToEquatableArray(), Abstract = At(i + 7), Tweets = tweets,
        }).ToEquatableArray();
        return new DigestSpec
        {
            Key = Identifiers.DigestKey("content/" + slug + ".md"), SourcePath = "content/" + slug + "\"\n.md", Title = string.Join("|", v.Take(3)),
            Date = new DateTime(2021, 6, 22, 7, 43, 12), Template = At(4), Draft = true, Slug = slug, Category = At(5), Tags = v.ToEquatableArray(),
            Description = At(6), SocialImage = At(7), Papers = papers,
        };
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Hostile_strings_in_every_field_compile_and_read_back_unchanged(bool utf8)
    {
        var specs = new[]
        {
            HostileDigest("hostile \"\n#line 1 */ {", All),
            HostileDigest("second\u202E\0\u2028", All.Reverse()),
            HostileDigest("surrogates \uD800", Surrogates),
        };
        var options = new EmitOptions("TestApp", utf8, NullableAnnotations: true);
        // Each digest's file as the generator writes it: its property (documented with its slug and path) and its data.
        var entries = specs.Select(s => new CatalogEntry(s.Key, s.Slug, s.Date, s.SourcePath)).ToList();
        var catalog = new CatalogSpec(options, entries.ToEquatableArray());
        var names = DigestEmitter.Names(catalog);
        var sources = specs.Zip(entries)
            .Select(p => DigestEmitter.EmitDigestFile(
                new DigestOutput(new DigestSource(DigestEmitter.DigestHintName(p.First.Key), DigestEmitter.EmitDigest(p.First, options), p.Second), names.Find(p.First.Key)!),
                options))
            .Append(DigestEmitter.EmitCatalog(catalog))
            .ToList();

        var harness = new GeneratorHarness { LanguageVersion = utf8 ? LanguageVersion.Latest : LanguageVersion.CSharp10 };
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s, harness.ParseOptions)).ToList();
        foreach (var tree in trees)
        {
            // Nothing but the generator's own directive, and no comment carries content.
            Assert.All(tree.GetRoot().DescendantTrivia().Where(t => t.IsDirective), t => Assert.Equal("#nullable enable", t.ToString().Trim()));
            Assert.DoesNotContain(tree.GetRoot().DescendantTrivia(), t => t.IsKind(SyntaxKind.MultiLineCommentTrivia));
            // A doc comment naming a slug or a path stays on its one line, whatever the slug or path holds.
            Assert.All(
                tree.GetRoot().DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)),
                t => Assert.DoesNotContain('\n', t.ToFullString().TrimEnd('\n')));
            // Every line of generated code is printable ASCII or a printable non-control character: nothing hidden.
            Assert.DoesNotContain(tree.ToString(), c => c is '\u202E' or '\u2066' or '\u2028' or '\u2029' or '\0' or '\u200B' or '\uFEFF');
        }

        var type = GeneratorHarness.Load(harness.CreateCompilation().AddSyntaxTrees(trees), "TestApp.Digests");
        // Only the declared members: no code smuggled in as a class or method.
        Assert.DoesNotContain(type.Assembly.GetTypes(), t => t.Name == "Evil");

        var all = GeneratorHarness.All(type);
        Assert.Equal(specs.Length, all.Count);
        foreach (var spec in specs)
        {
            var digest = GeneratorHarness.Find(type, spec.Slug);
            Assert.NotNull(digest);
            AssertSame(spec, digest!);
        }
    }

    [Fact]
    public void A_hostile_markdown_digest_goes_through_the_generator_and_reads_back_as_the_engine_read_it()
    {
        var text = File.ReadAllText(DigestKit.Tests.TestPaths.CleanSeed)
            .Replace("World-GAN: a Generative Model for Minecraft Worlds", "World \"\"\" \\ */ #line 1 {x} \u202Eevil\u202C \u2028 \u0000 done")
            .Replace("This work introduces World-GAN,", "Abstract \"; } class Evil { } /* \\\" {0} \u2066x\u2069 \u2029 This work introduces World-GAN,")
            .Replace("World-GAN: a Generative Model for Minecraft Worlds<br>", "tweet \"\"\" */ \u202E<br>");
        var file = GeneratorHarness.Digest("2021-06-21---Hot-Papers.md", text);
        var analysis = DigestEngine.Analyze(file.Path, text);
        Assert.False(analysis.HasErrors, string.Join("\n", analysis.Diagnostics));

        var type = new GeneratorHarness().GenerateAndLoad([file]);
        var digest = Assert.Single(GeneratorHarness.All(type));
        ReadBackTests.AssertSame(analysis.Document, digest);
        Assert.Contains("\u202Eevil", digest.Papers[0].Title);
        Assert.Contains("class Evil", digest.Papers[0].Abstract);
        Assert.DoesNotContain(type.Assembly.GetTypes(), t => t.Name == "Evil");
    }

    [Fact]
    public void The_one_escaping_function_rejects_unpaired_surrogates_in_u8_literals_and_escapes_them_otherwise()
    {
        Assert.Throws<ArgumentException>(() => CSharpLiteral.Quote("a\uD800b", utf8: true));
        Assert.Equal("\"a\\uD800b\"", CSharpLiteral.Quote("a\uD800b"));
        Assert.Equal("\"\\\"\\\\\\n\\r\\0\\u2028\\u2029\\u202E\"u8", CSharpLiteral.Quote("\"\\\n\r\0\u2028\u2029\u202E", utf8: true));
        Assert.Equal("\"🤯 Veličković */ #line {\"", CSharpLiteral.Quote("🤯 Veličković */ #line {"));
    }

    [Fact]
    public void Doc_comment_text_is_xml_escaped_and_keeps_to_one_line_with_nothing_hidden()
    {
        Assert.Equal("a &amp; &lt;b&gt; \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD x 🤯 Veličković", CSharpLiteral.DocText("a & <b> \n\r\u0085\u2028\u202E\uD800 x 🤯 Veličković"));
    }

    private static void AssertSame(DigestSpec spec, Digest digest)
    {
        Assert.Equal(spec.SourcePath, digest.SourcePath);
        Assert.Equal(spec.Title, digest.Title);
        Assert.Equal(spec.Date, digest.Date);
        Assert.Equal(spec.Template, digest.Template);
        Assert.Equal(spec.Draft, digest.Draft);
        Assert.Equal(spec.Slug, digest.Slug);
        Assert.Equal(spec.Category, digest.Category);
        Assert.Equal(spec.Tags, digest.Tags);
        Assert.Equal(spec.Description, digest.Description);
        Assert.Equal(spec.SocialImage, digest.SocialImage);
        Assert.Equal(spec.Papers.Count, digest.Papers.Count);
        for (var i = 0; i < spec.Papers.Count; i++)
        {
            var e = spec.Papers[i];
            var a = digest.Papers[i];
            Assert.Equal(e.Rank, a.Rank);
            Assert.Equal(e.Title, a.Title);
            Assert.Equal(e.Authors, a.Authors);
            Assert.Equal(e.Retweets, a.Retweets);
            Assert.Equal(e.Favorites, a.Favorites);
            Assert.Equal(e.MeasuredAt, a.MeasuredAt);
            Assert.Equal(e.ArxivId, a.ArxivId);
            Assert.Equal(e.AbsUrl, a.AbsUrl);
            Assert.Equal(e.PdfUrl, a.PdfUrl);
            Assert.Equal(e.Categories, a.Categories);
            Assert.Equal(e.Abstract, a.Abstract);
            Assert.Equal(e.Tweets.Count, a.Tweets.Count);
            for (var j = 0; j < e.Tweets.Count; j++)
            {
                var et = e.Tweets[j];
                var at = a.Tweets[j];
                Assert.Equal(et.AuthorName, at.AuthorName);
                Assert.Equal(et.Handle, at.Handle);
                Assert.Equal(et.StatusId, at.StatusId);
                Assert.Equal(et.Url, at.Url);
                Assert.Equal(et.Date, at.Date);
                Assert.Equal(et.Text, at.Text);
                Assert.Equal(et.Html, at.Html);
                Assert.Equal(et.Language, at.Language);
            }
        }
    }
}
