using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DigestKit.EndToEnd.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.EndToEnd.Tests;

/// <summary>
/// The tool as users get it: <c>dotnet tool install DigestKit.Cli</c> from the feed installs the Native AOT executable on
/// linux-x64 (the framework-dependent build elsewhere), and the native executable's output is the framework-dependent
/// build's, byte for byte (standard output, standard error, exit code), on the real posts and on a mutated corpus, in
/// every output format.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class NativeToolTests(PackedFeed feed)
{
    private static readonly string[] Formats = ["human", "json", "sarif", "msbuild", "github"];

    [Fact]
    public void Dotnet_tool_install_installs_the_native_executable_where_one_is_packed_and_it_checks_digests()
    {
        var tools = InstalledTool.DirectoryFor(feed);
        var command = Path.Combine(tools, InstalledTool.CommandName);
        var target = File.ResolveLinkTarget(command, returnFinalTarget: true)?.FullName ?? command;
        var installed = Path.GetDirectoryName(target)!;
        var files = Directory.GetFiles(installed).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        if (PackedFeed.PacksNative)
        {
            // The command is the executable of DigestKit.Cli.linux-x64 itself: no assembly beside it, no runtime to start.
            Assert.Contains($"{PackedFeed.ToolId}.{PackedFeed.NativeRid}".ToLowerInvariant(), target, StringComparison.Ordinal);
            Assert.Equal(["DotnetToolSettings.xml", "digestkit"], files);
            Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], File.ReadAllBytes(target)[..4]);
        }
        else
        {
            Assert.Contains("digestkit.dll", files);
        }

        var version = Run(command, TestPaths.RepoRoot, "--version");
        Assert.Equal((0, $"digestkit {PackedFeed.Version}\n", ""), (version.ExitCode, version.Text(version.StdOut), version.Text(version.StdErr)));
        var clean = Run(command, TestPaths.RepoRoot, "check", TestPaths.CorpusDir);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.EndsWith("Checked 30 files: 0 errors, 0 warnings, 0 infos.\n", clean.Text(clean.StdOut), StringComparison.Ordinal);
        var mutated = Run(command, MutatedCorpus(), "check", ".");
        Assert.True(mutated.ExitCode == 1, mutated.ToString());
    }

    [Fact]
    public void A_platform_without_a_package_of_its_own_gets_the_framework_dependent_build()
    {
        // The SDK picks the package by the machine's RID and cannot be told another (`--arch` does not apply to
        // Linux), so the platform is faked the other way round: the same packages, with the pointer naming the native
        // package for a RID this machine is not (osx-arm64). The install must fall back to `any`.
        var other = feed.NewDirectory("feed-other-platform");
        var pointer = Path.Combine(other, Path.GetFileName(feed.ToolPackage));
        File.Copy(feed.ToolPackage, pointer);
        File.Copy(feed.FrameworkDependentToolPackage, Path.Combine(other, Path.GetFileName(feed.FrameworkDependentToolPackage)));
        using (var zip = ZipFile.Open(pointer, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("tools/any/any/DotnetToolSettings.xml")!;
            string settings;
            using (var reader = new StreamReader(entry.Open()))
            {
                settings = reader.ReadToEnd();
            }

            Assert.Contains($"RuntimeIdentifier=\"{PackedFeed.NativeRid}\"", settings, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("tools/any/any/DotnetToolSettings.xml").Open());
            writer.Write(settings.Replace($"\"{PackedFeed.NativeRid}\"", "\"osx-arm64\"", StringComparison.Ordinal).Replace($".{PackedFeed.NativeRid}\"", ".osx-arm64\"", StringComparison.Ordinal));
        }

        var user = feed.NewDirectory("other-platform-user");
        var tools = Path.Combine(user, "tools");
        var install = DotnetCommand.Dotnet(
            user,
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = feed.NewDirectory("other-platform-nuget-packages") },
            "tool", "install", PackedFeed.ToolId, "--version", PackedFeed.Version, "--tool-path", tools, "--add-source", other);
        Assert.True(install.ExitCode == 0, install.ToString());
        var store = Path.Combine(tools, ".store", PackedFeed.ToolId.ToLowerInvariant(), PackedFeed.Version);
        Assert.Equal(
            [PackedFeed.ToolId.ToLowerInvariant(), $"{PackedFeed.ToolId}.any".ToLowerInvariant()],
            Directory.GetDirectories(store).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(store, $"{PackedFeed.ToolId}.any".ToLowerInvariant(), PackedFeed.Version, "tools", "net10.0", "any", "digestkit.dll")));

        var command = Path.Combine(tools, InstalledTool.CommandName);
        var version = Run(command, TestPaths.RepoRoot, "--version");
        Assert.Equal((0, $"digestkit {PackedFeed.Version}\n"), (version.ExitCode, version.Text(version.StdOut)));
        var clean = Run(command, TestPaths.RepoRoot, "check", TestPaths.CorpusDir);
        Assert.True(clean.ExitCode == 0, clean.ToString());
    }

    [NativePackageFact]
    public void The_native_executable_gives_the_framework_dependent_builds_output_byte_for_byte_on_the_real_posts_and_a_mutated_corpus()
    {
        var native = Path.Combine(InstalledTool.DirectoryFor(feed), InstalledTool.CommandName);
        var frameworkDependent = ExtractFrameworkDependentBuild();
        var mutated = MutatedCorpus();

        // The real posts (the seeds are named one by one: a folder contributes *.md only) and the mutated corpus.
        var runs = new List<(string Directory, string[] Args)> { (TestPaths.RepoRoot, ["--version"]) };
        foreach (var format in Formats)
        {
            runs.Add((TestPaths.RepoRoot, ["check", "--format", format, TestPaths.CorpusDir, Path.Combine(TestPaths.RepoRoot, "content"), .. Directory.GetFiles(TestPaths.SeedsDir).Order(StringComparer.Ordinal)]));
            runs.Add((mutated, ["check", "--format", format, "."]));
        }

        runs.Add((mutated, ["fix", "--dry-run", "."]));
        foreach (var (directory, args) in runs)
        {
            var expected = Run(DotnetCommand.DotnetHost(), directory, [frameworkDependent, .. args]);
            var actual = Run(native, directory, args);
            Assert.True(
                expected.ExitCode == actual.ExitCode && expected.StdOut.AsSpan().SequenceEqual(actual.StdOut) && expected.StdErr.AsSpan().SequenceEqual(actual.StdErr),
                $"the native and the framework-dependent build differ on 'digestkit {string.Join(' ', args)}' in {directory}:\n--- framework-dependent\n{expected}\n--- native\n{actual}");
        }

        // The mutated corpus is worth comparing on: it breaks digests in many ways, not just one.
        var report = Run(DotnetCommand.DotnetHost(), mutated, frameworkDependent, "check", "--format", "json", ".");
        Assert.Equal(1, report.ExitCode);
        var ids = Regex.Matches(report.Text(report.StdOut), "\"(DK[0-9]{4})\"").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(ids.Count >= 8, "the mutated corpus reports only " + string.Join(", ", ids));
        using var json = JsonDocument.Parse(report.StdOut);
        Assert.Equal(MutatedFileCount, json.RootElement.GetProperty("files").GetArrayLength());
    }

    /// <summary>The framework-dependent build, DigestKit.Cli.any, unpacked: what `dotnet` runs where no native package fits.</summary>
    private string ExtractFrameworkDependentBuild()
    {
        var folder = feed.NewDirectory("framework-dependent");
        ZipFile.ExtractToDirectory(feed.FrameworkDependentToolPackage, folder);
        var assembly = Path.Combine(folder, "tools", "net10.0", "any", "digestkit.dll");
        Assert.True(File.Exists(assembly), "no tools/net10.0/any/digestkit.dll in " + feed.FrameworkDependentToolPackage);
        return assembly;
    }

    private const int MutatedFileCount = 34;

    /// <summary>
    /// A fixed set of broken copies of the real posts, the same on every run: each of the 32 posts damaged one way
    /// (deleted lines, a duplicated heading, mis-encoded text, swapped lines, a cut-off file, CRLF with a BOM and no
    /// closing front matter fence, NUL and invalid UTF-8 bytes, changed digits), plus two verbatim copies of one post.
    /// </summary>
    private string MutatedCorpus()
    {
        var folder = feed.NewDirectory("mutated");
        var random = new Random(16);
        var sources = TestPaths.AllSampleFiles;
        for (var i = 0; i < sources.Count; i++)
        {
            var lines = File.ReadAllText(sources[i]).ReplaceLineEndings("\n").Split('\n').ToList();
            int Line() => random.Next(lines.Count);
            byte[] bytes;
            switch (i % 8)
            {
                case 0:
                    for (var n = 0; n < 3; n++) lines.RemoveAt(Line());
                    bytes = Utf8(lines);
                    break;
                case 1:
                    var headings = lines.Select((l, at) => (l, at)).Where(x => x.l.StartsWith('#')).ToList();
                    var heading = headings.Count > 0 ? headings[random.Next(headings.Count)] : (lines[0], 0);
                    lines.Insert(heading.Item2 + 1, heading.Item1);
                    bytes = Utf8(lines);
                    break;
                case 2:
                    // UTF-8 read as Latin-1 and written back: mojibake on every non-ASCII character of a stretch of lines.
                    var from = Line();
                    for (var at = from; at < Math.Min(lines.Count, from + 40); at++) lines[at] = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(lines[at]));
                    bytes = Utf8(lines);
                    break;
                case 3:
                    var (a, b) = (Line(), Line());
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    bytes = Utf8(lines);
                    break;
                case 4:
                    var whole = Utf8(lines);
                    bytes = whole[..random.Next(whole.Length / 3, whole.Length)];
                    break;
                case 5:
                    var fence = lines.FindIndex(1, l => l == "---");
                    if (fence > 0) lines.RemoveAt(fence);
                    bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines))];
                    break;
                case 6:
                    var raw = Utf8(lines).ToList();
                    raw.InsertRange(random.Next(raw.Count), new byte[] { 0, 0xFF, 0xFE, 0xC3 });
                    raw.Insert(random.Next(raw.Count), 0);
                    bytes = [.. raw];
                    break;
                default:
                    for (var n = 0; n < 6; n++)
                    {
                        var at = Line();
                        lines[at] = Regex.Replace(lines[at], "[0-9]", _ => random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    bytes = Utf8(lines);
                    break;
            }

            File.WriteAllBytes(Path.Combine(folder, $"mutated-{i:D2}.md"), bytes);
        }

        // The same post under two more names: the rules across files (duplicate slugs and papers) have work to do.
        File.Copy(sources[^1], Path.Combine(folder, "copy-a.md"));
        File.Copy(sources[^1], Path.Combine(folder, "copy-b.md"));
        Assert.Equal(MutatedFileCount, Directory.GetFiles(folder).Length);
        return folder;
    }

    private static byte[] Utf8(List<string> lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

    private sealed record RawResult(string CommandLine, int ExitCode, byte[] StdOut, byte[] StdErr)
    {
        public string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

        public override string ToString() => $"$ {CommandLine}\nexit {ExitCode}\n--- stdout\n{Text(StdOut)}\n--- stderr\n{Text(StdErr)}";
    }

    /// <summary>Runs a command and keeps its output as bytes: the comparison is of bytes, not of decoded text.</summary>
    private static RawResult Run(string fileName, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var commandLine = Path.GetFileName(fileName) + " " + string.Join(' ', args);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + commandLine);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var copies = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(stdout), process.StandardError.BaseStream.CopyToAsync(stderr));
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || !copies.Wait(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{commandLine}' did not finish within the guard (not a timing assertion: a hang)");
        }

        return new RawResult(commandLine, process.ExitCode, stdout.ToArray(), stderr.ToArray());
    }
}

/// <summary>A test of the native package: skipped where Native AOT cannot compile it (any platform but linux-x64).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativePackageFactAttribute : FactAttribute
{
    public NativePackageFactAttribute()
    {
        if (!PackedFeed.PacksNative)
        {
            Skip = $"Native AOT packs {PackedFeed.NativeRid} only on {PackedFeed.NativeRid}";
        }
    }
}
