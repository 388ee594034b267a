using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DigestKit.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Just enough of an LSP client to start a server process as an editor does and exchange framed JSON-RPC
/// messages over its stdin/stdout. Every read has a guard so a silent server fails its test instead of hanging it.
/// </summary>
internal sealed class StdioLspClient : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    private readonly Process process;
    private readonly Stream input;
    private readonly StringBuilder stderr = new();
    private int nextId;

    public StdioLspClient(ProcessStartInfo start)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        input = process.StandardOutput.BaseStream;
    }

    public Process Process => process;

    public string StdErr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Sends a request and returns its response, skipping the notifications the server sends meanwhile.</summary>
    public JsonObject Request(string method, JsonNode? parameters)
    {
        var id = ++nextId;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        while (true)
        {
            var message = Read();
            if (message["id"] is JsonValue value && value.TryGetValue<int>(out var got) && got == id && message["method"] is null)
            {
                return message;
            }
        }
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var stdin = process.StandardInput.BaseStream;
        stdin.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        stdin.Write(body);
        stdin.Flush();
    }

    private JsonObject Read()
    {
        var read = Task.Run(ReadFrame);
        if (!read.Wait(Guard))
        {
            throw new Xunit.Sdk.XunitException($"the server sent nothing for {Guard.TotalMinutes} minutes; stderr:\n{StdErr}");
        }

        return read.Result;
    }

    private JsonObject ReadFrame()
    {
        var length = -1;
        while (true)
        {
            var header = ReadHeaderLine();
            if (header.Length == 0)
            {
                break;
            }

            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.True(length >= 0, "a frame without Content-Length");
        var body = new byte[length];
        input.ReadExactly(body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private string ReadHeaderLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0)
            {
                throw new Xunit.Sdk.XunitException("the server closed its output; stderr:\n" + StdErr);
            }

            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)b);
        }
    }
}
