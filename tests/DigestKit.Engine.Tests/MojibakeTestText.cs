using System.Text;
using DigestKit.Engine.Text;

namespace DigestKit.Engine.Tests;

/// <summary>Makes mojibake the way it happens (UTF-8 bytes decoded with a single-byte page) and undoes a finding's repair.</summary>
internal static class MojibakeTestText
{
    public static SingleByteCodePage Page(string name) => name switch
    {
        "mac" => SingleByteCodePage.MacOsRoman,
        "1252" => SingleByteCodePage.Windows1252,
        "latin1" => SingleByteCodePage.Latin1,
        _ => throw new ArgumentException(name),
    };

    /// <summary><paramref name="text"/> encoded as UTF-8 and decoded with <paramref name="page"/>, <paramref name="times"/> over.</summary>
    public static string Misread(string text, SingleByteCodePage page, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            text = page.Decode(Encoding.UTF8.GetBytes(text));
        }

        return text;
    }

    /// <summary>The pages a finding's Encoding names, first accident first: "UTF-8 read as A, then as B", "…, twice".</summary>
    public static IReadOnlyList<SingleByteCodePage> PagesOf(string encoding)
    {
        const string prefix = "UTF-8 read as ";
        Assert.StartsWith(prefix, encoding);
        var rest = encoding.Substring(prefix.Length);
        var times = 1;
        if (rest.EndsWith(", twice", StringComparison.Ordinal))
        {
            times = 2;
            rest = rest.Substring(0, rest.Length - ", twice".Length);
        }

        var pages = new List<SingleByteCodePage>();
        foreach (var name in rest.Split(", then as "))
        {
            var page = new[] { SingleByteCodePage.MacOsRoman, SingleByteCodePage.Windows1252, SingleByteCodePage.Latin1 }
                .Single(p => p.Name == name);
            pages.AddRange(Enumerable.Repeat(page, times));
        }

        return pages;
    }

    /// <summary>Re-does the accident the finding names on its repair; for an exact finding this gives back the original.</summary>
    public static string Remisread(MojibakeFinding finding)
    {
        var text = finding.Repaired;
        foreach (var page in PagesOf(finding.Encoding))
        {
            text = Misread(text, page);
        }

        return text;
    }
}
