using System.Reflection;
using DigestKit.Data;

namespace DigestKit.Tests;

/// <summary>
/// The data schema (src/DigestKit/Data/DigestSchema.cs) against the versions declared for it and the runtime types
/// it fills. The values themselves round-trip in DigestKit.Generator.Tests (ReadBackTests, by reflection).
/// </summary>
public sealed class SchemaTests
{
    [Fact]
    public void The_schema_is_the_one_the_format_versions_were_declared_for()
    {
        var fingerprint = DigestSchema.Fingerprint();
        Assert.True(
            fingerprint == DataFormat.SchemaFingerprint,
            "The data schema changed (its fingerprint is 0x" + fingerprint.ToString("X8") + ", DataFormat.SchemaFingerprint says 0x"
            + DataFormat.SchemaFingerprint.ToString("X8") + "): bump DataFormat.Magic and DataFormat.PackMagic and set SchemaFingerprint. "
            + "The schema now reads:\n" + DigestSchema.Describe());
    }

    /// <summary>Each schema field fills the runtime property of its name; each public property is a field or listed here.</summary>
    [Fact]
    public void Every_schema_field_is_a_runtime_property_and_every_runtime_property_a_schema_field()
    {
        AssertCovers<Digest>(
            Fields<FrontMatterField>(),
            notFields: ["Papers"]); // the papers' records follow the front matter group
        AssertCovers<Paper>(
            Fields<PaperField>().Concat(Fields<PaperNumber>()).Concat(Fields<PaperColdField>()),
            notFields: ["Score"], // Retweets + Favorites
            layout: ["Numbers", "MeasuredAtTicks", "MeasuredAtKind", "ColdOffset", "ColdLength", "AuthorCount"],
            composed: ["MeasuredAt"]); // MeasuredAtTicks and MeasuredAtKind
        AssertCovers<Tweet>(Fields<TweetField>());
    }

    private static IEnumerable<string> Fields<T>()
        where T : struct, Enum => Enum.GetNames<T>().Where(n => n != "End");

    private static void AssertCovers<T>(IEnumerable<string> fields, string[]? notFields = null, string[]? layout = null, string[]? composed = null)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToHashSet();
        var declared = fields.ToHashSet();
        foreach (var field in declared.Except(layout ?? []))
        {
            Assert.True(properties.Contains(field), typeof(T).Name + " has no public property for the schema's field " + field);
        }

        foreach (var property in properties.Except(notFields ?? []).Except(composed ?? []))
        {
            Assert.True(declared.Contains(property), typeof(T).Name + "." + property + " is no field of the schema (DigestSchema.cs)");
        }
    }
}
