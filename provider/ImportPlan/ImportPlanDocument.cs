using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PortalsProvider.ImportPlan;

/// <summary>The JSON document <c>pulumi import --file</c> reads: <c>{"resources":[{"type","name","id"}]}</c>.
/// Written with <see cref="Utf8JsonWriter"/> (no reflection: the provider publishes Native AOT).</summary>
internal static class ImportPlanDocument
{
    public static string Write(IEnumerable<ImportPlanEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("resources");
            foreach (var e in entries)
            {
                w.WriteStartObject();
                w.WriteString("type", e.Type);
                w.WriteString("name", e.Name);
                w.WriteString("id", e.Id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
