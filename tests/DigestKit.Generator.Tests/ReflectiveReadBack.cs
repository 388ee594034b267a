using System.Collections;
using System.Reflection;
using DigestKit.Engine;
using EnginePaper = DigestKit.Engine.Paper;

namespace DigestKit.Generator.Tests;

/// <summary>
/// Every public property of the runtime's <see cref="Digest"/>, <see cref="Paper"/> and <see cref="Tweet"/>, read back
/// from generated data, against the engine's model of the same text, by reflection: a property is matched to the
/// engine property of its name (values unwrapped from their spans), or through <see cref="Renamed"/>. Every engine
/// property is either compared that way or listed in <see cref="NotEmbedded"/>, so a field added on either side
/// without the other (written and not read, or read and not written, or not embedded at all) fails.
/// </summary>
internal static class ReflectiveReadBack
{
    /// <summary>Where each runtime type's values come from in the engine's model (searched in order by name).</summary>
    private static readonly Dictionary<Type, Type[]> Sources = new()
    {
        [typeof(Digest)] = [typeof(FrontMatter), typeof(DigestDocument)],
        [typeof(Paper)] = [typeof(EnginePaper), typeof(PaperMetrics)],
        [typeof(Tweet)] = [typeof(EmbeddedTweet)],
    };

    /// <summary>The runtime properties whose engine value is not the property of the same name, with the engine properties they read.</summary>
    private static readonly Dictionary<(Type, string), (string[] Uses, Func<object, object?> Value)> Renamed = new()
    {
        [(typeof(Digest), nameof(Digest.SourcePath))] =
            (["DigestDocument.Path"], d => "content/" + Path.GetFileName(((DigestDocument)d).Path)),
        [(typeof(Paper), nameof(Paper.AbsUrl))] = (["Paper.Links"], p => ((EnginePaper)p).Links?.Abs?.Url.Value ?? ""),
        [(typeof(Paper), nameof(Paper.PdfUrl))] = (["Paper.Links"], p => ((EnginePaper)p).Links?.Pdf?.Url.Value ?? ""),
        [(typeof(Paper), nameof(Paper.Categories))] = (["Paper.Categories"], p => ((EnginePaper)p).Categories.Select(c => c.Label.Value).ToList()),
        [(typeof(Tweet), nameof(Tweet.Url))] = (["EmbeddedTweet.StatusUrl"], t => ((EmbeddedTweet)t).StatusUrl?.Value ?? ""),
    };

    /// <summary>Engine properties that are deliberately not embedded: positions, raw text, containers of the compared values.</summary>
    private static readonly HashSet<string> NotEmbedded =
    [
        "DigestDocument.FrontMatter", "DigestDocument.TextLength", "DigestDocument.IsNotText",
        "FrontMatter.Span", "FrontMatter.Entries", "FrontMatter.IsUnreadable", "FrontMatter.RecoveredSlug",
        "Paper.Span", "Paper.HeadingSpan", "Paper.NormalizedTitle", "Paper.AuthorLineSpan", "Paper.Metrics", "Paper.CategoryLineSpan",
        "PaperMetrics.Span", "PaperMetrics.TimestampText",
        "EmbeddedTweet.Span", "EmbeddedTweet.TextSpan", "EmbeddedTweet.DateText",
    ];

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Every engine property is compared or listed as not embedded; every runtime property has an engine value.</summary>
    public static void AssertEveryPropertyIsCovered()
    {
        foreach (var (runtime, sources) in Sources)
        {
            var covered = new HashSet<string>();
            foreach (var property in PublicProperties(runtime))
            {
                if (Renamed.TryGetValue((runtime, property.Name), out var renamed))
                {
                    covered.UnionWith(renamed.Uses);
                    continue;
                }

                var source = sources.FirstOrDefault(s => s.GetProperty(property.Name) is not null);
                Assert.True(source is not null, runtime.Name + "." + property.Name + " has no engine property of its name and no entry in Renamed");
                covered.Add(source!.Name + "." + property.Name);
            }

            foreach (var source in sources)
            {
                foreach (var property in PublicProperties(source))
                {
                    var name = source.Name + "." + property.Name;
                    Assert.True(
                        covered.Contains(name) || NotEmbedded.Contains(name),
                        "The engine's " + name + " is neither read back by the runtime's " + runtime.Name + " nor listed in NotEmbedded");
                }
            }
        }
    }

    public static void AssertSame(DigestDocument expected, Digest actual) => Compare(actual, [expected.FrontMatter!, expected], actual.Slug);

    private static void Compare(object actual, object?[] sources, string where)
    {
        var runtime = actual.GetType();
        foreach (var property in PublicProperties(runtime))
        {
            var path = where + "." + property.Name;
            object? expected;
            if (Renamed.TryGetValue((runtime, property.Name), out var renamed))
            {
                expected = renamed.Value(sources.First(s => s is not null && Sources[runtime].Contains(s.GetType()) && renamed.Uses[0].StartsWith(s.GetType().Name + ".", StringComparison.Ordinal))!);
            }
            else
            {
                var source = sources.First(s => s is not null && s.GetType().GetProperty(property.Name) is not null);
                expected = Unwrap(source!.GetType().GetProperty(property.Name)!.GetValue(source));
            }

            var value = property.GetValue(actual);
            if (expected is null && Nullability.Create(property).ReadState == NullabilityState.NotNull)
            {
                // The spec builder embeds a missing value as the type's empty value.
                expected = property.PropertyType == typeof(string) ? "" : property.PropertyType == typeof(bool) ? false : null;
            }

            if (value is IEnumerable items && value is not string)
            {
                var actualItems = items.Cast<object>().ToList();
                var expectedItems = ((IEnumerable?)expected ?? Array.Empty<object>()).Cast<object>().ToList();
                Assert.True(expectedItems.Count == actualItems.Count, path + ": " + actualItems.Count + " items, the engine has " + expectedItems.Count);
                for (var i = 0; i < actualItems.Count; i++)
                {
                    if (Sources.ContainsKey(actualItems[i].GetType()))
                    {
                        var item = expectedItems[i];
                        Compare(actualItems[i], item is EnginePaper p ? [p, p.Metrics] : [item], path + "[" + i + "]");
                    }
                    else
                    {
                        Assert.True(Equals(Unwrap(expectedItems[i]), actualItems[i]), path + "[" + i + "]: '" + actualItems[i] + "', the engine has '" + Unwrap(expectedItems[i]) + "'");
                    }
                }

                continue;
            }

            Assert.True(Equals(expected, value), path + ": '" + value + "', the engine has '" + expected + "'");
            if (value is DateTime date)
            {
                Assert.Equal(((DateTime)expected!).Kind, date.Kind);
            }
        }
    }

    /// <summary>A value without its span (<see cref="Spanned{T}"/>), an arXiv ID as written, lists as lists of values.</summary>
    private static object? Unwrap(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Spanned<>))
        {
            return Unwrap(type.GetProperty("Value")!.GetValue(value));
        }

        if (value is ArxivId id)
        {
            return id.ToString();
        }

        if (value is IEnumerable items && value is not string && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>)
            && type.GetGenericArguments()[0] is { IsGenericType: true } element && element.GetGenericTypeDefinition() == typeof(Spanned<>))
        {
            return items.Cast<object>().Select(Unwrap).ToList();
        }

        return value;
    }

    private static IEnumerable<PropertyInfo> PublicProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);
}
