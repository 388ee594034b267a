using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DigestKit.Cli.Lsp;

/// <summary>One JSON-RPC message as read: a request (id and method), a notification (method only) or a response.</summary>
internal sealed record IncomingMessage(JsonElement? Id, string? Method, JsonElement? Params, bool IsResponse)
{
    public bool IsRequest => Id is not null && Method is not null;
}

/// <summary>
/// JSON-RPC 2.0 over LSP's base protocol (<c>Content-Length</c> headers, UTF-8 bodies) on a pair of streams.
/// Our own framing over System.Text.Json rather than StreamJsonRpc: the protocol records are serialized by a
/// source-generated context (no reflection, so the tool stays trimming- and AOT-clean for a native build), a
/// malformed frame is a log line and a resynchronisation instead of a torn-down connection, and
/// <c>$/cancelRequest</c> is seen by the reader while the worker is busy, which is all the concurrency we need.
/// StreamJsonRpc would bring Newtonsoft or MessagePack, dynamic proxies and its own dispatch for ~15 methods.
/// </summary>
internal sealed class JsonRpcConnection
{
    /// <summary>Larger bodies are skipped, not buffered: a 10 MB buffer is at most ~60 MB of escaped JSON.</summary>
    public const int MaxBodyLength = 256 * 1024 * 1024;

    private const int MaxHeaderLine = 8 * 1024;

    private static readonly byte[] ContentLengthName = "Content-Length:"u8.ToArray();

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly Action<string> _log;
    private readonly object _writeLock = new();
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public JsonRpcConnection(Stream input, Stream output, Action<string> log)
    {
        _input = input;
        _output = output;
        _log = log;
    }

    /// <summary>
    /// The next message, or null at the end of the input. Frames that cannot be read are logged and skipped; a
    /// body that is not JSON-RPC gets the error response JSON-RPC prescribes (id null when none can be read).
    /// </summary>
    public async Task<IncomingMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var body = await ReadFrameAsync(cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return null;
            }

            if (Parse(body) is { } message)
            {
                return message;
            }
        }
    }

    private IncomingMessage? Parse(byte[] body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            _log($"malformed JSON in a frame of {body.Length} bytes: {ex.Message}");
            SendError(null, ErrorCodes.ParseError, "Parse error: " + ex.Message);
            return null;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            _log("a frame that is not a JSON object");
            SendError(null, ErrorCodes.InvalidRequest, "Invalid request: expected a JSON object");
            return null;
        }

        JsonElement? id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? idElement
            : null;
        JsonElement? parameters = root.TryGetProperty("params", out var p) ? p : null;
        if (root.TryGetProperty("method", out var method))
        {
            if (method.ValueKind != JsonValueKind.String)
            {
                SendError(id, ErrorCodes.InvalidRequest, "Invalid request: 'method' is not a string");
                return null;
            }

            return new IncomingMessage(id, method.GetString(), parameters, IsResponse: false);
        }

        if (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _))
        {
            return new IncomingMessage(id, null, null, IsResponse: true);
        }

        SendError(id, ErrorCodes.InvalidRequest, "Invalid request: no 'method'");
        return null;
    }

    private async Task<byte[]?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long? length = null;
            var sawHeader = false;
            var malformed = false;
            while (true)
            {
                var line = await ReadHeaderLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null)
                {
                    if (sawHeader)
                    {
                        _log("the input ended inside a frame's headers");
                    }

                    return null;
                }

                if (line.Length == 0)
                {
                    if (sawHeader)
                    {
                        break;
                    }

                    continue; // Blank lines between frames are tolerated.
                }

                sawHeader = true;

                // After a frame whose length was wrong, the next header can follow the remains of a body on the
                // same line: resynchronise on the header's name.
                var at = line.AsSpan().IndexOf(ContentLengthName);
                if (at < 0 && line.AsSpan().IndexOf("content-length:"u8) is var lower && lower >= 0)
                {
                    at = lower;
                }

                if (at > 0)
                {
                    _log("discarded " + at + " bytes before a Content-Length header");
                    line = line[at..];
                    at = 0;
                }

                if (at == 0)
                {
                    var value = Encoding.ASCII.GetString(line, ContentLengthName.Length, line.Length - ContentLengthName.Length).Trim();
                    if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                    {
                        length = parsed;
                        malformed = false;
                    }
                    else
                    {
                        malformed = true;
                    }
                }
                else if (line.AsSpan().IndexOf((byte)':') <= 0)
                {
                    malformed = true;
                }
            }

            if (length is null || malformed)
            {
                _log("skipped a frame without a readable Content-Length header");
                continue;
            }

            if (length > MaxBodyLength)
            {
                _log($"skipped a frame of {length} bytes (more than {MaxBodyLength})");
                if (!await SkipAsync(length.Value, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                continue;
            }

            var body = await ReadBodyAsync((int)length.Value, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                _log("the input ended inside a frame's body");
            }

            return body;
        }
    }

    /// <summary>A header line without its CR LF (a bare LF is accepted too), or null at the end of the input.</summary>
    private async Task<byte[]?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var end = newline > _start && _buffer[newline - 1] == '\r' ? newline - 1 : newline;
                var line = _buffer.AsSpan(_start, end - _start).ToArray();
                _start = newline + 1;
                return line;
            }

            if (_end - _start > MaxHeaderLine)
            {
                // Not a header: keep the tail, where a Content-Length may start.
                _log($"discarded {_end - _start - 64} bytes that are not a header");
                _start = _end - 64;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_end > _start)
                {
                    var rest = _buffer.AsSpan(_start, _end - _start).ToArray();
                    _start = _end;
                    return rest;
                }

                return null;
            }
        }
    }

    private async Task<byte[]?> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        var copied = Math.Min(length, _end - _start);
        Buffer.BlockCopy(_buffer, _start, body, 0, copied);
        _start += copied;
        while (copied < length)
        {
            var n = await _input.ReadAsync(body.AsMemory(copied, length - copied), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return null;
            }

            copied += n;
        }

        return body;
    }

    private async Task<bool> SkipAsync(long length, CancellationToken cancellationToken)
    {
        var buffered = Math.Min(length, _end - _start);
        _start += (int)buffered;
        length -= buffered;
        var scratch = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (length > 0)
            {
                var n = await _input.ReadAsync(scratch.AsMemory(0, (int)Math.Min(scratch.Length, length)), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    return false;
                }

                length -= n;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var n = await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += n;
        return n > 0;
    }

    public void SendResult<T>(JsonElement? id, T value, JsonTypeInfo<T> typeInfo) =>
        Send(writer =>
        {
            WriteId(writer, id);
            writer.WritePropertyName("result");
            JsonSerializer.Serialize(writer, value, typeInfo);
        });

    public void SendNullResult(JsonElement? id) =>
        Send(writer =>
        {
            WriteId(writer, id);
            writer.WriteNull("result");
        });

    public void SendError(JsonElement? id, int code, string message) =>
        Send(writer =>
        {
            WriteId(writer, id);
            writer.WritePropertyName("error");
            JsonSerializer.Serialize(writer, new ResponseError(code, message), LspJson.Default.ResponseError);
        });

    public void SendNotification<T>(string method, T value, JsonTypeInfo<T> typeInfo) =>
        Send(writer =>
        {
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, value, typeInfo);
        });

    public void SendRequest<T>(string id, string method, T value, JsonTypeInfo<T> typeInfo) =>
        Send(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, value, typeInfo);
        });

    public void SendRequest(string id, string method) =>
        Send(writer =>
        {
            writer.WriteString("id", id);
            writer.WriteString("method", method);
        });

    private static void WriteId(Utf8JsonWriter writer, JsonElement? id)
    {
        writer.WritePropertyName("id");
        if (id is { } value)
        {
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private void Send(Action<Utf8JsonWriter> write)
    {
        var body = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            write(writer);
            writer.WriteEndObject();
        }

        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.WrittenCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n");
        lock (_writeLock)
        {
            try
            {
                _output.Write(header);
                _output.Write(body.WrittenSpan);
                _output.Flush();
            }
            catch (IOException)
            {
                // The client is gone; the reader sees the end of the input and the server stops.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
