using System.Text;

namespace DigestKit.Cli.Docs;

/// <summary>
/// The rule pages of docs/diagnostics, embedded in the tool: <c>explain</c> and the SARIF rule help must work
/// offline, from an installed tool with no repository beside it, and show the page of the version that reports.
/// </summary>
internal static class RuleDocs
{
    private const string ResourcePrefix = "DigestKit.Cli.Docs.";

    /// <summary>The Markdown of docs/diagnostics/<paramref name="id"/>.md with '\n' line ends, or null when there is no such page.</summary>
    public static string? Markdown(string id)
    {
        // Only IDs name pages: a path or a resource name smuggled in as an ID finds nothing.
        if (string.IsNullOrEmpty(id) || !id.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream(ResourcePrefix + id.ToUpperInvariant() + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
