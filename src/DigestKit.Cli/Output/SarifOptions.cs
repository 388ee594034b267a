using DigestKit.Cli.Input;

namespace DigestKit.Cli.Output;

/// <summary>
/// Where a SARIF report's paths are resolved from and what else its run records. Report paths are display paths,
/// relative to <see cref="WorkingDirectory"/> when not absolute; the report gives them relative to
/// <see cref="RootDirectory"/> under the <see cref="SarifFormatter.RootBaseId"/> base.
/// </summary>
internal sealed record SarifOptions(string RootDirectory, string WorkingDirectory)
{
    /// <summary>GitHub code scanning rejects a run with more results than this.</summary>
    public const int GitHubResultLimit = 25_000;

    public int MaxResults { get; init; } = GitHubResultLimit;

    /// <summary>Problems that stopped some files from being checked (unreadable files): the run did not fully succeed.</summary>
    public IReadOnlyList<string> ToolErrors { get; init; } = [];

    public static SarifOptions ForCurrentDirectory()
    {
        var cwd = Directory.GetCurrentDirectory();
        return new SarifOptions(RepositoryRoot.Find(cwd), cwd);
    }
}
