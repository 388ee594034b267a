using System.Text.Encodings.Web;
using System.Text.Json;

namespace DigestKit.Cli.Output;

internal static class JsonOutput
{
    /// <summary>
    /// Indented, '\n' on every platform (golden files compare byte for byte), and non-ASCII text written as is:
    /// these documents are files for tools, never embedded in HTML, so 'Veličković' stays readable.
    /// </summary>
    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
