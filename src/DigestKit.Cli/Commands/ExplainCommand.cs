using DigestKit.Cli.Docs;
using DigestKit.Cli.Input;

namespace DigestKit.Cli.Commands;

/// <summary><c>digestkit explain DKxxxx</c>: prints the rule's documentation page, as embedded in the tool.</summary>
internal static class ExplainCommand
{
    public static int Run(string id, TextWriter stdout)
    {
        var normalized = RuleDocs.Normalize(id);
        if (RuleDocs.Markdown(normalized) is not { } page)
        {
            var nearest = RuleDocs.Nearest(normalized);
            throw new UsageException($"unknown rule '{id}'" + (nearest is null ? "" : $": did you mean {nearest}?") + " (see 'digestkit rules')");
        }

        stdout.Write(page.EndsWith('\n') ? page : page + "\n");
        stdout.Flush();
        return ExitCodes.Success;
    }
}
