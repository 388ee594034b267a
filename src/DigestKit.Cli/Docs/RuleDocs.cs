using DigestKit.Engine;

namespace DigestKit.Cli.Docs;

/// <summary>
/// The rule pages of docs/diagnostics, embedded in the tool (see DigestKit.Cli.csproj), so that
/// <c>digestkit explain</c> and the SARIF help text work from an installed tool with no repository beside it.
/// </summary>
public static class RuleDocs
{
    /// <summary>The manifest resource name of a page: the csproj sets it as the LogicalName.</summary>
    internal static string ResourceName(string id) => "DigestKit.Cli.Docs." + id + ".md";

    /// <summary>The Markdown page of a rule ID (exact, upper case: <c>DK1001</c>), or null when there is none.</summary>
    public static string? Markdown(string id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        using var stream = typeof(RuleDocs).Assembly.GetManifestResourceStream(ResourceName(id));
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>
    /// What a user most likely meant: <c>dk1001</c> and <c>1001</c> are <c>DK1001</c>.
    /// </summary>
    internal static string Normalize(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
        {
            return "DK" + trimmed;
        }

        return trimmed.ToUpperInvariant();
    }

    /// <summary>The catalogued ID closest to <paramref name="text"/> by edit distance (ties: the lower ID).</summary>
    internal static string? Nearest(string text)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var rule in DigestRules.All)
        {
            var distance = EditDistance(text, rule.Id);
            if (distance < bestDistance)
            {
                best = rule.Id;
                bestDistance = distance;
            }
        }

        // A suggestion that shares nothing with the input helps no one.
        return bestDistance <= Math.Max(2, text.Length / 2) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
