using System.Reflection;
using System.Text.Json;
using static DigestKit.Generator.Tests.HotPapersApp.AppRunner;

namespace DigestKit.Generator.Tests.HotPapersApp;

/// <summary>
/// <c>show --json</c> and <c>paper --json</c> carry every public property of the runtime types, found by
/// reflection, so a property added to <see cref="Paper"/> or <see cref="Tweet"/> cannot be forgotten.
/// </summary>
public sealed class JsonFieldTests
{
    private static IEnumerable<string> PublicProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

    private static HashSet<string> Names(JsonElement element, HashSet<string>? names = null)
    {
        names ??= new HashSet<string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                names.Add(property.Name);
                Names(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Names(item, names);
            }
        }

        return names;
    }

    [Fact]
    public void Show_json_has_every_property_of_Digest_Paper_and_Tweet()
    {
        var (_, output, _) = Run(null, "show", "hot-papers-2021-06-21", "--json");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Empty(PublicProperties(typeof(Digest)).Except(root.EnumerateObject().Select(p => p.Name)));
        var paper = root.GetProperty("papers")[0];
        Assert.Empty(PublicProperties(typeof(Paper)).Except(paper.EnumerateObject().Select(p => p.Name)));
        Assert.Empty(PublicProperties(typeof(Tweet)).Except(paper.GetProperty("tweets")[0].EnumerateObject().Select(p => p.Name)));

        var typed = HotPapers.Digests.HotPapers20210621.Papers[0];
        Assert.Equal(typed.PdfUrl, paper.GetProperty("pdfUrl").GetString());
        Assert.Equal(typed.Abstract, paper.GetProperty("abstract").GetString());
        Assert.Equal(typed.MeasuredAt, paper.GetProperty("measuredAt").GetDateTime());
        Assert.Equal(typed.Tweets[0].Text, paper.GetProperty("tweets")[0].GetProperty("text").GetString());
        Assert.Equal(typed.Tweets[0].Html, paper.GetProperty("tweets")[0].GetProperty("html").GetString());
        Assert.Equal("content/2021-06-21---Hot-Papers.md", root.GetProperty("sourcePath").GetString());
    }

    [Fact]
    public void Paper_json_has_every_property_of_Paper_and_Tweet()
    {
        var (_, output, _) = Run(null, "paper", "2106.10207", "--json");
        using var json = JsonDocument.Parse(output);
        var names = Names(json.RootElement);
        Assert.Empty(PublicProperties(typeof(Paper)).Except(names));
        Assert.Empty(PublicProperties(typeof(Tweet)).Except(names));

        var typed = HotPapers.Digests.HotPapers20210621.Papers[1];
        var root = json.RootElement;
        Assert.Equal(typed.PdfUrl, root.GetProperty("pdfUrl").GetString());
        var appearance = Assert.Single(root.GetProperty("appearances").EnumerateArray());
        Assert.Equal("hot-papers-2021-06-21", appearance.GetProperty("digest").GetString());
        Assert.Equal(typed.Score, appearance.GetProperty("score").GetInt64());
        Assert.Equal(typed.MeasuredAt, appearance.GetProperty("measuredAt").GetDateTime());
        Assert.Equal(typed.Tweets.Select(t => t.Text), root.GetProperty("tweets").EnumerateArray().Select(t => t.GetProperty("text").GetString()));
    }
}
