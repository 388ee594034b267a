using System.Text;
using System.Text.Json.Nodes;
using DigestKit.Cli.Lsp;

namespace DigestKit.Cli.Tests.Lsp;

internal static class LspTestText
{
    /// <summary>Applies a code action's edits (non-overlapping, all against <paramref name="text"/>) as an editor does.</summary>
    public static string Apply(string text, IEnumerable<JsonObject> edits)
    {
        var lines = new LspLines(text);
        var ordered = edits
            .Select(e => (Start: lines.OffsetOf(ReadPosition(e["range"]!["start"]!)), End: lines.OffsetOf(ReadPosition(e["range"]!["end"]!)), Text: (string)e["newText"]!))
            .OrderByDescending(e => e.Start)
            .ToList();
        var builder = new StringBuilder(text);
        foreach (var (start, end, newText) in ordered)
        {
            builder.Remove(start, end - start).Insert(start, newText);
        }

        return builder.ToString();
    }

    private static Position ReadPosition(JsonNode node) => new((int)node["line"]!, (int)node["character"]!);

    /// <summary>A digest of at least <paramref name="length"/> characters: the sample's papers repeated, renumbered by the engine's rules or not.</summary>
    public static string LargeDigest(string sample, int length)
    {
        var body = sample.IndexOf("\n# ", StringComparison.Ordinal);
        var builder = new StringBuilder(sample, length + sample.Length);
        while (builder.Length < length)
        {
            builder.Append(sample, body, sample.Length - body);
        }

        return builder.ToString();
    }
}
