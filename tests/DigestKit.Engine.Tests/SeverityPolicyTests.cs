namespace DigestKit.Engine.Tests;

/// <summary>The one severity policy the analyzer and <c>digestkit check</c> both apply.</summary>
public class SeverityPolicyTests
{
    [Fact]
    public void The_keys_go_from_the_id_to_the_category_to_every_diagnostic()
    {
        Assert.Equal(
            new[] { "dotnet_diagnostic.DK1005.severity", "digestkit_diagnostic.DK1005.severity", "dotnet_analyzer_diagnostic.category-DigestKit.FrontMatter.severity", "dotnet_analyzer_diagnostic.severity" },
            SeverityPolicy.Keys("DK1005", "DigestKit.FrontMatter", compilerKey: true));
        Assert.Equal(new[] { "digestkit_diagnostic.DK1005.severity", "dotnet_analyzer_diagnostic.severity" }, SeverityPolicy.Keys("DK1005", null, compilerKey: false));
    }

    [Fact]
    public void The_first_readable_value_wins_and_default_falls_through()
    {
        var config = new Dictionary<string, string>
        {
            ["digestkit_diagnostic.DK1005.severity"] = "default",
            ["dotnet_analyzer_diagnostic.category-DigestKit.FrontMatter.severity"] = " Warn ",
            ["dotnet_analyzer_diagnostic.severity"] = "error",
        };
        bool Lookup(string key, out string? value)
        {
            var found = config.TryGetValue(key, out var v);
            value = v;
            return found;
        }

        Assert.Equal(ConfiguredSeverity.Warning, SeverityPolicy.Resolve("DK1005", "DigestKit.FrontMatter", false, Lookup));
        Assert.Equal(ConfiguredSeverity.Error, SeverityPolicy.Resolve("DK1005", null, false, Lookup));
        Assert.Null(SeverityPolicy.Resolve("DK1005", "x", false, (string _, out string? v) => { v = null; return false; }));
        Assert.Equal(
            new ConfiguredSeverity?[] { ConfiguredSeverity.Error, ConfiguredSeverity.Warning, ConfiguredSeverity.Info, ConfiguredSeverity.Info, ConfiguredSeverity.Hidden, ConfiguredSeverity.None, ConfiguredSeverity.None, null, null },
            new[] { "error", "warning", "suggestion", "info", "silent", "none", "suppress", "default", "loud" }.Select(SeverityPolicy.Parse).ToArray());
    }
}
