using DigestKit.Cli.Docs;
using DigestKit.Cli.Input;
using DigestKit.Engine;

namespace DigestKit.Cli.Commands;

/// <summary><c>digestkit explain DKxxxx</c>: prints the rule's documentation page, as embedded in the tool.</summary>
internal static class ExplainCommand
{
    public static int Run(string id, TextWriter stdout)
    {
        var normalized = Normalize(id);
        if (RuleDocs.Markdown(normalized) is not { } page)
        {
            var nearest = Nearest(normalized);
            throw new UsageException($"unknown rule '{id}'" + (nearest is null ? "" : $": did you mean {nearest}?") + " (see 'digestkit rules')");
        }

        stdout.Write(page.EndsWith('\n') ? page : page + "\n");
        stdout.Flush();
        return ExitCodes.Success;
    }

    /// <summary>What a user most likely meant: <c>dk1001</c> and <c>1001</c> are <c>DK1001</c>.</summary>
    internal static string Normalize(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit))
        {
            return "DK" + trimmed;
        }

        return trimmed.ToUpperInvariant();
    }

    /// <summary>The catalogued ID closest to <paramref name="text"/> by edit distance (ties: the lower ID), a typo's likely fix.</summary>
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
