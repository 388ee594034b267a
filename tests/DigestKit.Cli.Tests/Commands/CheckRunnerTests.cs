using System.Text;
using DigestKit.Cli.Commands;
using DigestKit.Cli.Input;
using DigestKit.Cli.Output;
using DigestKit.Cli.Tests.Infrastructure;
using DigestKit.Tests;

namespace DigestKit.Cli.Tests.Commands;

/// <summary>
/// <c>check</c> keeps no texts: excerpts read the files back. The output must be what it was with every text kept,
/// and a file that changed between the check and the report must not get an excerpt of its new text.
/// </summary>
public sealed class CheckRunnerTests
{
    private static readonly OutputFormat[] TextFormats = [OutputFormat.Human, OutputFormat.Sarif];

    /// <summary>The sample corpus twice (every second copy a DK6001) and the mis-encoded seed (per-file diagnostics).</summary>
    private static IReadOnlyList<InputFile> Corpus(TempDirectory temp)
    {
        foreach (var file in Directory.GetFiles(TestPaths.CorpusDir, "*.md"))
        {
            temp.CopyIn(file, Path.Combine("a", Path.GetFileName(file)));
            temp.CopyIn(file, Path.Combine("b", Path.GetFileName(file)));
        }

        temp.CopyIn(TestPaths.MisEncodedSeed, Path.Combine("c", "seed.md"));
        return FileDiscovery.Discover([temp.Path]).Files;
    }

    /// <summary>The corpus checked as <c>check</c> does, excerpts to be read in the report's order.</summary>
    private static (IReadOnlyList<InputFile> Files, CheckRun Run) Check(TempDirectory temp)
    {
        var files = Corpus(temp);
        var run = CheckRunner.Run(files);
        run.Texts.ReadAhead(run.Report.Diagnostics);
        return (files, run);
    }

    private static string Render(CheckReport report, OutputFormat format, string root)
    {
        using var stream = new MemoryStream();
        CheckCommand.WriteReport(stream, report, format, color: false, new SarifOptions(root, root));
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Output_read_back_is_byte_for_byte_the_output_with_every_text_kept()
    {
        using var temp = new TempDirectory();
        var (files, run) = Check(temp);
        Assert.Equal(61, run.Report.Files.Count);
        Assert.Equal(30, run.Report.Diagnostics.Count(d => d.Id == "DK6001"));
        Assert.Contains(run.Report.Diagnostics, d => d.Id == "DK5001");

        var texts = files.ToDictionary(f => f.DisplayPath, f => SourceFile.Read(f).Text);
        var kept = new CheckReport(run.Report.Files, run.Report.Diagnostics, p => texts.GetValueOrDefault(p));
        foreach (var format in TextFormats)
        {
            var expected = Render(kept, format, temp.Path);
            Assert.NotEqual(Render(new CheckReport(run.Report.Files, run.Report.Diagnostics, _ => null), format, temp.Path), expected); // Texts matter here.
            Assert.Equal(expected, Render(run.Report, format, temp.Path));
        }
    }

    [Fact]
    public void A_file_changed_after_the_check_gets_a_note_instead_of_an_excerpt_of_its_new_text()
    {
        using var temp = new TempDirectory();
        var (files, run) = Check(temp);

        // The same length, other bytes: an editor's save between the check and the report.
        var changed = files.First(f => f.DisplayPath.Contains(Path.Combine("b", "2020-06-29"), StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(changed.FullPath);
        var at = Encoding.UTF8.GetString(bytes).IndexOf("slug: \"", StringComparison.Ordinal) + 7;
        bytes[at] = (byte)'X';
        File.WriteAllBytes(changed.FullPath, bytes);
        var deleted = files.First(f => f.DisplayPath.Contains(Path.Combine("b", "2020-08-10"), StringComparison.Ordinal));
        File.Delete(deleted.FullPath);

        var lines = Render(run.Report, OutputFormat.Human, temp.Path).Split('\n');
        foreach (var file in new[] { changed, deleted })
        {
            var diagnostic = Array.FindIndex(lines, l => l.StartsWith(file.DisplayPath + ":6:7: error DK6001: ", StringComparison.Ordinal));
            Assert.True(diagnostic >= 0, string.Join('\n', lines));
            Assert.Equal("   | " + HumanFormatter.ChangedNote, lines[diagnostic + 1]);
            // Then the rule's help link (under its first diagnostic only), then the next diagnostic.
            var next = lines[diagnostic + 2].StartsWith("   = help: ", StringComparison.Ordinal) ? diagnostic + 3 : diagnostic + 2;
            Assert.StartsWith(temp.Path, lines[next], StringComparison.Ordinal);
        }

        Assert.True(run.Texts.Changed(changed.DisplayPath));
        Assert.Null(run.Texts.Text(changed.DisplayPath));
        var unchanged = files.First(f => f.DisplayPath.Contains(Path.Combine("b", "2020-09-14"), StringComparison.Ordinal));
        Assert.False(run.Texts.Changed(unchanged.DisplayPath));
        // Its one diagnostic (a DK6001 on line 6) lies in the fingerprinted head: that much is read back.
        var head = run.Texts.Text(unchanged.DisplayPath);
        Assert.NotNull(head);
        Assert.StartsWith(head, File.ReadAllText(unchanged.FullPath), StringComparison.Ordinal);
        Assert.EndsWith("\n", head, StringComparison.Ordinal);
        Assert.Equal(6, head.Count(c => c == '\n'));
        Assert.Equal(2, lines.Count(l => l.EndsWith(HumanFormatter.ChangedNote, StringComparison.Ordinal)));
    }

    [Fact]
    public void Only_the_head_is_read_back_when_the_diagnostics_lie_in_it_and_a_change_after_it_keeps_the_excerpt()
    {
        using var temp = new TempDirectory();
        var (files, run) = Check(temp);
        var texts = files.ToDictionary(f => f.DisplayPath, f => SourceFile.Read(f).Text);
        var expected = Render(new CheckReport(run.Report.Files, run.Report.Diagnostics, p => texts.GetValueOrDefault(p)), OutputFormat.Human, temp.Path);

        // Every file of b/ has only a DK6001 at its slug: its bytes past the head may change (an appended line) without
        // touching the lines shown. The mis-encoded seed's diagnostics run through its body: it is read whole, and
        // a change at its end is a change.
        foreach (var file in files.Where(f => f.DisplayPath.Contains(Path.Combine(temp.Path, "b"), StringComparison.Ordinal)))
        {
            if (new FileInfo(file.FullPath).Length > ContentFingerprint.HeadBytes)
            {
                File.AppendAllText(file.FullPath, "\nappended\n");
            }
        }

        var seed = files.Single(f => f.DisplayPath.EndsWith("seed.md", StringComparison.Ordinal));
        Assert.Contains(run.Report.Diagnostics, d => d.Path == seed.DisplayPath && d.Span.Start > ContentFingerprint.HeadBytes);
        File.AppendAllText(seed.FullPath, "\n");

        var lines = Render(run.Report, OutputFormat.Human, temp.Path).Split('\n');
        var seedNotes = lines.Count(l => l.EndsWith(HumanFormatter.ChangedNote, StringComparison.Ordinal));
        Assert.Equal(run.Report.Diagnostics.Count(d => d.Path == seed.DisplayPath), seedNotes);
        Assert.True(run.Texts.Changed(seed.DisplayPath));
        // Every note is the seed's: the appended files kept their excerpts, the slug lines as checked.
        var slugLines = expected.Split('\n').Where(l => l.StartsWith(" 6 | slug: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(30, slugLines.Length);
        Assert.Equal(slugLines, lines.Where(l => l.StartsWith(" 6 | slug: ", StringComparison.Ordinal)).ToArray());
        Assert.Contains(files, f => f.DisplayPath.Contains(Path.Combine(temp.Path, "b"), StringComparison.Ordinal) && !run.Texts.Changed(f.DisplayPath) && run.Texts.Text(f.DisplayPath)!.Length < new FileInfo(f.FullPath).Length / 2);
    }

    [Fact]
    public void Fingerprints_tell_one_changed_byte_and_a_changed_length_apart()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', 100) + "tail");
        var same = ContentFingerprint.Of(bytes.ToArray());
        Assert.Equal(same, ContentFingerprint.Of(bytes));
        for (var i = 0; i < bytes.Length; i++)
        {
            var other = bytes.ToArray();
            other[i] ^= 1;
            Assert.NotEqual(same, ContentFingerprint.Of(other));
        }

        Assert.NotEqual(same, ContentFingerprint.Of(bytes.AsSpan(0, bytes.Length - 1)));
    }
}
