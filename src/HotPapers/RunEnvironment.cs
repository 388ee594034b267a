using System.Globalization;
using System.Reflection;

namespace HotPapers;

/// <summary>
/// Where the app runs: how wide its tables may be and which directory paths are shown relative to. Tests pass
/// their own; <see cref="Current"/> reads the process's.
/// </summary>
public sealed record RunEnvironment(int? Width, string CurrentDirectory)
{
    /// <summary>
    /// <c>COLUMNS</c> when set (the user asked for that width), else the console's width when the output is a
    /// terminal. Redirected output gets no width, so nothing is cut.
    /// </summary>
    public static RunEnvironment Current => new(TerminalWidth(), Directory.GetCurrentDirectory());

    private static int? TerminalWidth()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            return columns;
        }

        if (Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// A digest's <see cref="DigestKit.Digest.SourcePath"/> (relative to the project that embedded it) as a path
    /// from the current directory.
    /// </summary>
    public string DisplayPath(string sourcePath)
    {
        return DisplayFullPath(Path.GetFullPath(sourcePath, ProjectDirectory));
    }

    /// <summary>A full path as shown to the user: relative to the current directory.</summary>
    public string DisplayFullPath(string fullPath) => Path.GetRelativePath(CurrentDirectory, fullPath);

    public string ResolveUserPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    // The generator writes SourcePath relative to the project directory, which the build records here.
    private static readonly string ProjectDirectory =
        typeof(RunEnvironment).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "HotPapers.ProjectDirectory")?.Value
        ?? AppContext.BaseDirectory;
}
