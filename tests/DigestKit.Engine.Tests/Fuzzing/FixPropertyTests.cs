using System.Text.RegularExpressions;
using CsCheck;
using DigestKit.Engine.Text;
using DigestKit.Tests;

namespace DigestKit.Engine.Tests.Fuzzing;

/// <summary>
/// <c>fix</c> over damaged copies of real posts (headings renumbered or duplicated, abs/pdf links removed, names and
/// titles mis-encoded, mixed): the repaired text is a fixed point, nothing fix would apply is left, and no line
/// the repairs did not touch gains a diagnostic. CsCheck shrinks a failure to the fewest mutations.
/// </summary>
public sealed class FixPropertyTests
{
    /// <summary>One damage: what (<see cref="Kind"/>), to which paper (modulo their count), and a free value.</summary>
    public sealed record Mutation(int Kind, int Paper, int Value);

    private static readonly string[] Posts = TestPaths.AllSampleFiles.Where(f => f != TestPaths.MisEncodedSeed).Select(File.ReadAllText).ToArray();

    private static readonly string[] Damaged =
    {
        "José", "Müller", "Veličković", "Gülçehre", "Дмитрий", "Конец-то что-то", "naïve", "Søren", "Erdős", "Nguyễn", "東京", "👇",
    };

    private static readonly Gen<(int Post, Mutation[] Mutations)> Cases = Gen.Select(
        Gen.Int[0, Posts.Length - 1],
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 40], Gen.Int[0, 1000], (k, p, v) => new Mutation(k, p, v)).Array[1, 6]);

    [Fact]
    public void Fix_is_idempotent_leaves_nothing_it_would_apply_and_adds_no_diagnostic_to_untouched_lines()
    {
        var changed = 0;
        var samples = 0;
        Cases.Sample(c =>
            {
                samples++;
                changed += Holds(Mutate(Posts[c.Post], c.Mutations)) ? 1 : 0;
            },
            iter: 150, threads: 1,
            print: c => $"post {c.Post}: {string.Join(", ", c.Mutations.Select(m => $"({m.Kind},{m.Paper},{m.Value})"))}");

        // The damage is of the kinds fix repairs: most samples must have been repaired, or the property says little.
        Assert.True(changed * 2 > samples, $"only {changed} of {samples} damaged posts were changed by fix");
    }

    /// <summary>The property for one text (the shrunk counterexamples are plain tests calling it); whether fix changed it.</summary>
    internal static bool Holds(string text)
    {
        var plan = DigestRepairs.Plan("p.md", text);
        var again = DigestRepairs.Plan("p.md", plan.RepairedText);
        Assert.Equal(plan.RepairedText, again.RepairedText);
        Assert.Empty(again.Applied);

        var before = text.Split('\n');
        var after = plan.RepairedText.Split('\n');
        if (before.Length == after.Length)
        {
            var had = plan.Before.Diagnostics.Select(d => (d.Id, d.Span.Line)).ToList();
            foreach (var d in plan.After.Diagnostics)
            {
                var line = d.Span.Line;
                if (line - 1 < before.Length && before[line - 1] == after[line - 1] && !had.Remove((d.Id, line)))
                {
                    Assert.Fail($"{d.Id} on untouched line {line} is new: '{after[line - 1]}'");
                }
            }
        }

        return plan.Changed;
    }

    /// <summary><paramref name="post"/> with each mutation applied in turn.</summary>
    internal static string Mutate(string post, IEnumerable<Mutation> mutations)
    {
        foreach (var m in mutations)
        {
            post = Apply(post, m);
        }

        return post;
    }

    private static string Apply(string text, Mutation m)
    {
        var headings = Regex.Matches(text, @"^# (\d+)\.", RegexOptions.Multiline);
        if (headings.Count == 0)
        {
            return text;
        }

        var index = m.Paper % headings.Count;
        var heading = headings[index];
        var number = heading.Groups[1];
        switch (m.Kind)
        {
            case 0: // renumbered
                return Replace(text, number.Index, number.Length, (m.Value % (headings.Count + 2) + 1).ToString());
            case 1: // duplicated: the previous heading's number
                var previous = headings[Math.Max(0, index - 1)].Groups[1].Value;
                return Replace(text, number.Index, number.Length, previous);
            case 2: // abs or pdf link removed
            {
                var links = Regex.Matches(text, @"\[abs\]\([^)]*\) \| |\s\|\s\[pdf\]\([^)]*\)");
                var pick = links.Where(l => l.Value.Contains(m.Value % 2 == 0 ? "[abs]" : "[pdf]")).ToList();
                return pick.Count == 0 ? text : Replace(text, pick[m.Paper % pick.Count].Index, pick[m.Paper % pick.Count].Length, string.Empty);
            }

            case 3: // a mis-encoded name in front of the paper's author line
            {
                var authors = text.IndexOf("\n\n", heading.Index, StringComparison.Ordinal);
                return authors < 0 ? text : Replace(text, authors + 2, 0, Misread(m.Value) + ", ");
            }

            default: // a mis-encoded word at the end of the title
            {
                var end = text.IndexOf('\n', heading.Index);
                return end < 0 ? text : Replace(text, end, 0, " " + Misread(m.Value));
            }
        }
    }

    private static string Misread(int value)
    {
        var word = Damaged[value % Damaged.Length];
        var page = (value / Damaged.Length % 3) switch
        {
            0 => SingleByteCodePage.Windows1252,
            1 => SingleByteCodePage.MacOsRoman,
            _ => SingleByteCodePage.Latin1,
        };

        return MojibakeTestText.Misread(word, page);
    }

    private static string Replace(string text, int start, int length, string with) =>
        string.Concat(text.AsSpan(0, start), with, text.AsSpan(start + length));
}
