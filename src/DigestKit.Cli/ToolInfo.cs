using System.Reflection;

namespace DigestKit.Cli;

/// <summary>The tool's name and version as reports and <c>--version</c> show them.</summary>
internal static class ToolInfo
{
    public const string Name = "DigestKit";

    public const string InformationUri = DigestKit.Engine.DigestRule.RepositoryUrl;

    /// <summary>The informational version without the source-control suffix (<c>0.1.0</c>, not <c>0.1.0+abc123</c>).</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
