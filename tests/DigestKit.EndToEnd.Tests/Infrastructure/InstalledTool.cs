using DigestKit.Tests;

namespace DigestKit.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The digestkit tool installed from the packed feed as a user installs it (<c>dotnet tool install</c>), once per
/// feed, for the tests that start it as an editor would: by its bare name on <c>PATH</c>.
/// </summary>
internal static class InstalledTool
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, string> Directories = new(StringComparer.Ordinal);

    public static string CommandName => OperatingSystem.IsWindows() ? "digestkit.exe" : "digestkit";

    /// <summary>The folder holding the installed <c>digestkit</c> command.</summary>
    public static string DirectoryFor(PackedFeed feed)
    {
        lock (Gate)
        {
            if (Directories.TryGetValue(feed.Root, out var installed))
            {
                return installed;
            }

            var user = feed.NewDirectory("editor-tool");
            var tools = Path.Combine(user, "tools");
            var install = DotnetCommand.Dotnet(
                user,
                new Dictionary<string, string?> { ["NUGET_PACKAGES"] = feed.NewDirectory("editor-nuget-packages") },
                "tool", "install", PackedFeed.ToolId, "--version", PackedFeed.Version, "--tool-path", tools, "--add-source", feed.FeedDirectory);
            Assert.True(install.ExitCode == 0, install.ToString());
            Assert.True(File.Exists(Path.Combine(tools, CommandName)), "the tool's command is not digestkit: " + string.Join(", ", Directory.GetFiles(tools)));
            Directories[feed.Root] = tools;
            return tools;
        }
    }

    /// <summary>The current <c>PATH</c> with <paramref name="directory"/> in front, as after a global tool install.</summary>
    public static string PathWith(string directory) =>
        directory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    /// <summary>Where <paramref name="command"/> resolves on <paramref name="path"/>, as a shell or Node's spawn finds it.</summary>
    public static string? Resolve(string command, string? path)
    {
        if (command.Contains(Path.DirectorySeparatorChar) || command.Contains(Path.AltDirectorySeparatorChar))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        var names = OperatingSystem.IsWindows() && !Path.HasExtension(command) ? new[] { command + ".exe", command } : new[] { command };
        foreach (var directory in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
