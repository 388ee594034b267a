using System.Globalization;
using System.Text.RegularExpressions;

namespace DigestKit.Engine.Tests.Rules;

/// <summary>
/// One message style for every rule in the catalogue (src/DigestKit.Engine/Diagnostics/DigestRules.cs): the value,
/// what is wrong, then "; " and what to do, e.g. <c>The retweets count 'abc' is not a whole number of 0 or more;
/// write one such as 12</c>. Each failure names the rule and says exactly what to change in its message format.
/// </summary>
public sealed class MessageStyleTests
{
    private const string Style =
        "Messages read \"<the value>, <what is wrong>; <what to do>\", e.g. \"Slug '{0}' does not match the title's date; write '{1}'\"";

    /// <summary>The one proper noun a message may start with in lower case.</summary>
    private const string LowerCaseStart = "arXiv ";

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var rule in DigestRules.All)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_message_format_follows_the_style(string id)
    {
        var problems = Problems(DigestRules.Find(id)!.MessageFormat);
        Assert.True(problems.Count == 0,
            $"{id}'s MessageFormat in DigestRules.cs breaks the message style:\n- {string.Join("\n- ", problems)}\n{Style}.");
    }

    /// <summary>The checks themselves, on formats written to break each one.</summary>
    [Theory]
    [InlineData("Count '{0}' is wrong; write a number.", "ends with '.'")]
    [InlineData("count '{0}' is wrong; write a number", "starts with 'c'")]
    [InlineData("{0} count is wrong; write a number", "starts with '{'")]
    [InlineData("Count '{0}' is wrong: write a number", "has no advice clause")]
    [InlineData("Count '{0}' is wrong; Write a number", "has no advice clause")]
    [InlineData("Count '{0}' is wrong; write a number; or not", "more than one")]
    [InlineData("Count \"{0}\" is wrong; write a number", "'\"'")]
    [InlineData("Count `{0}` is wrong; write a number", "'`'")]
    [InlineData("Count '{0} is wrong; write a number", "unbalanced")]
    [InlineData("Count '{1}' is wrong; write a number", "{0} is never used")]
    [InlineData("Count '{0}' is wrong; write a number ", "ends with ' '")]
    public void The_checks_catch_what_they_say(string format, string expected)
    {
        var problems = Problems(format);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Slug '{0}' does not match the title's date; write '{1}'")]
    [InlineData("arXiv paper '{0}' has a different {1} in {2}; check which one is right")]
    [InlineData("No embedded digest has the slug '{0}'; {1}")]
    [InlineData("Tweet handle '@{0}' differs from '@{1}' in its status link; write the handle of the account that posted it")]
    public void The_checks_accept_the_style(string format) => Assert.Empty(Problems(format));

    [Fact]
    public void A_long_quoted_value_is_shortened_to_its_start_an_ellipsis_and_its_length()
    {
        var name = "Ã©" + new string('x', 43_000);
        var span = new LineMap("x").Span(0, 1);
        var d = DigestRules.MojibakeInAuthor.Create("a.md", span, name, "UTF-8 read as Windows-1252", "é" + new string('x', 43_000));

        var shown = name[..DigestRule.MaxQuotedLength] + "\u2026 (43,002 characters)";
        Assert.Equal(shown, d.Arguments[0]);
        Assert.StartsWith($"Author name '{shown}' looks mis-encoded (UTF-8 read as Windows-1252); write 'é", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("\u2026 (43,001 characters)' ('digestkit fix' repairs it)", d.Message, StringComparison.Ordinal);
        Assert.True(d.Message.Length < 350, d.Message);
    }

    [Fact]
    public void An_argument_the_message_does_not_quote_is_capped_higher_and_a_short_one_is_kept()
    {
        var span = new LineMap("x").Span(0, 1);
        var reason = new string('r', 5_000);
        var d = DigestRules.BodyUnreadable.Create("a.md", span, reason);
        Assert.Equal(reason[..DigestRule.MaxArgumentLength] + "\u2026 (5,000 characters)", d.Arguments[0]);

        var surrogate = new string('x', DigestRule.MaxQuotedLength - 1) + "😀" + "tail";
        var e = DigestRules.MalformedHeading.Create("a.md", span, surrogate);
        Assert.Equal(new string('x', DigestRule.MaxQuotedLength - 1) + "\u2026 (85 characters)", e.Arguments[0]);

        var f = DigestRules.MalformedHeading.Create("a.md", span, "# x");
        Assert.Equal("Paper heading '# x' is not of the form '# N. Title'; write the paper's number, a period and its title after '# '", f.Message);
    }

    private static List<string> Problems(string format)
    {
        var problems = new List<string>();
        if (format.Length == 0)
        {
            return ["it is empty: write what is wrong, then '; ' and what to do"];
        }

        if (!char.IsUpper(format[0]) && !format.StartsWith(LowerCaseStart, StringComparison.Ordinal))
        {
            problems.Add($"it starts with '{format[0]}': start with a capital letter (or '{LowerCaseStart.Trim()}'), never with a placeholder; name what the value is first, e.g. \"Slug '{{0}}' …\"");
        }

        var last = format[^1];
        if (last is '.' or '!' or '?' or ':' or ';' or ',' || char.IsWhiteSpace(last))
        {
            problems.Add($"it ends with '{last}': end with the last word of the advice, with no period or other punctuation after it");
        }

        var clauses = Regex.Matches(format, "; ").Count;
        var advice = Regex.Match(format, "; (?<first>.)");
        if (clauses == 0 || !(char.IsLower(advice.Groups["first"].Value[0]) || advice.Groups["first"].Value == "{"))
        {
            problems.Add("it has no advice clause: after what is wrong, add '; ' and what to do in lower case (\"; write '{1}'\"), or '; {n}' when an argument says it");
        }
        else if (clauses > 1)
        {
            problems.Add("it has more than one '; ': keep one, before the advice, and join the rest with ',' or ':'");
        }

        foreach (var quote in new[] { '"', '`', '\u2018', '\u2019', '\u201C', '\u201D' })
        {
            if (format.Contains(quote, StringComparison.Ordinal))
            {
                problems.Add($"it holds '{quote}': quote values, and text to write, in single quotes ('{{0}}'), and nothing else");
            }
        }

        var quotes = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '\'' && !(i > 0 && i + 1 < format.Length && char.IsLetter(format[i - 1]) && char.IsLetter(format[i + 1])))
            {
                quotes++;
            }
        }

        if (quotes % 2 != 0)
        {
            problems.Add("its single quotes are unbalanced: every quoted value opens and closes with ' (an apostrophe is only between two letters, as in title's)");
        }

        var used = Regex.Matches(format, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        for (var i = 0; i < (used.Count == 0 ? 0 : used.Max() + 1); i++)
        {
            if (!used.Contains(i))
            {
                problems.Add($"{{{i}}} is never used: number the placeholders 0, 1, 2, … in the order of the arguments the call site passes");
            }
        }

        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, format, Enumerable.Repeat((object)"x", used.Count == 0 ? 0 : used.Max() + 1).ToArray());
        }
        catch (FormatException)
        {
            problems.Add("it is not a valid composite format: write literal braces as '{{' and '}}'");
        }

        return problems;
    }
}
