using System.Buffers;
using System.Runtime.InteropServices;

namespace DigestKit.Cli.Input;

/// <summary>
/// The length and a 64-bit hash of a file's bytes as they were checked, and a hash of their first
/// <see cref="HeadBytes"/> alone, so a file read back for its excerpts can be told apart from one that changed in
/// between (an editor saving, a formatter running) without keeping the bytes, and so can its beginning alone: the
/// excerpts of diagnostics near the top (a slug, a date, the first paper) need only that much of the file.
/// </summary>
internal readonly record struct ContentFingerprint(long Length, ulong Hash, ulong HeadHash)
{
    /// <summary>How much of a file's beginning is fingerprinted on its own: two pages, a front matter and more.</summary>
    public const int HeadBytes = 8192;

    public static ContentFingerprint Of(ReadOnlySpan<byte> bytes)
    {
        var hash = HashOf(bytes);
        return new ContentFingerprint(bytes.Length, hash, bytes.Length <= HeadBytes ? hash : HashOf(bytes[..HeadBytes]));
    }

    public static ulong HashOf(ReadOnlySpan<byte> bytes)
    {
        // Eight bytes a step, multiply and shift (a few cycles for 8 bytes), then the tail and a finalizer.
        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (var word in words)
        {
            hash = (hash ^ word) * 0xFF51AFD7ED558CCDUL;
            hash ^= hash >> 32;
        }

        for (var i = words.Length * sizeof(ulong); i < bytes.Length; i++)
        {
            hash = (hash ^ bytes[i]) * 0xC4CEB9FE1A85EC53UL;
        }

        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}

/// <summary>
/// The texts of checked files for source excerpts, read back from disk when a format asks for them rather than
/// kept from the analysis: only files with diagnostics are asked for, and a run over a large corpus would otherwise
/// hold all of it. A file whose bytes are no longer those that were checked gives no text
/// (<see cref="Changed"/> is then true): an excerpt of the new text would underline the wrong characters.
/// When every diagnostic the report shows in a file lies in its first <see cref="ContentFingerprint.HeadBytes"/>
/// (a duplicate slug, a front matter error: the common case when many files have one), only that beginning is read
/// back, decoded and compared, and the text given is that beginning, through the end of the last line those
/// diagnostics touch: a corpus where every file has a DK6001 is then not read twice.
/// Given the order a report will ask in (<see cref="ReadAhead"/>), a miss reads the next files of that order in
/// parallel, in a batch. The most recently used texts are kept up to a budget, since formats ask for one file's
/// diagnostics in a row and SARIF also looks in the file a cross-file diagnostic names. Not thread-safe: formats
/// write on one thread.
/// </summary>
internal sealed class CheckedTexts(IReadOnlyList<InputFile> files, IReadOnlyDictionary<string, int> indexByPath, ContentFingerprint[] fingerprints)
{
    /// <summary>Characters of text kept at once; a read-ahead batch fills at most half of it.</summary>
    private const long Budget = 8L * 1024 * 1024;

    private const int MaxBatch = 64;

    private readonly Dictionary<int, LinkedListNode<(int Index, string Text)>> _cached = [];
    private readonly LinkedList<(int Index, string Text)> _recent = new();
    private readonly HashSet<int> _changed = [];
    private readonly HashSet<int> _unreadable = [];
    private readonly List<int> _order = [];
    private readonly Dictionary<int, int> _positionInOrder = [];

    /// <summary>Per file in the order: the offset in its text up to which the report's diagnostics in it reach.</summary>
    private readonly Dictionary<int, int> _reach = [];
    private long _characters;

    /// <summary>The files the report will ask for, in the order it will (its diagnostics' paths).</summary>
    public void ReadAhead(IEnumerable<DigestKit.Engine.DigestDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (!indexByPath.TryGetValue(d.Path, out var index))
            {
                continue;
            }

            if (!_positionInOrder.ContainsKey(index))
            {
                _positionInOrder.Add(index, _order.Count);
                _order.Add(index);
            }

            var reach = Math.Max(d.Span.Start, d.Span.Start + Math.Max(0, d.Span.Length));
            _reach[index] = Math.Max(reach, _reach.GetValueOrDefault(index));
        }
    }

    /// <summary>The text that was checked under <paramref name="path"/>, or null (unknown path, unreadable or changed).</summary>
    public string? Text(string path)
    {
        if (!indexByPath.TryGetValue(path, out var index) || _changed.Contains(index) || _unreadable.Contains(index))
        {
            return null;
        }

        if (_cached.TryGetValue(index, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Text;
        }

        var batch = Batch(index);
        var read = new string?[batch.Count];
        if (batch.Count == 1)
        {
            read[0] = Read(batch[0]);
        }
        else
        {
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => read[i] = Read(batch[i]));
        }

        // The asked-for file last, so it is the most recent.
        for (var i = batch.Count - 1; i >= 0; i--)
        {
            if (read[i] is { } text)
            {
                Keep(batch[i], text);
            }
            else if (!_unreadable.Contains(batch[i]))
            {
                _changed.Add(batch[i]);
            }
        }

        return read[0];
    }

    /// <summary>True once <see cref="Text"/> found the file's bytes changed since they were checked.</summary>
    public bool Changed(string path) => indexByPath.TryGetValue(path, out var index) && _changed.Contains(index);

    /// <summary><paramref name="index"/>, then the files the report asks for next that are not in memory, within the budget.</summary>
    private List<int> Batch(int index)
    {
        var batch = new List<int> { index };
        if (!_positionInOrder.TryGetValue(index, out var position))
        {
            return batch;
        }

        var bytes = fingerprints[index].Length;
        for (var p = position + 1; p < _order.Count && batch.Count < MaxBatch; p++)
        {
            var next = _order[p];
            if (_cached.ContainsKey(next) || _changed.Contains(next) || _unreadable.Contains(next))
            {
                continue;
            }

            bytes += ReadsHead(next) ? ContentFingerprint.HeadBytes : fingerprints[next].Length;
            if (bytes > Budget / 2)
            {
                break;
            }

            batch.Add(next);
        }

        return batch;
    }

    /// <summary>
    /// Whether the file's beginning may be enough: it is longer than its fingerprinted head, and the report's
    /// diagnostics in it end before that many characters (a character takes at least one byte).
    /// </summary>
    private bool ReadsHead(int index) =>
        files[index].Content is null && fingerprints[index].Length > ContentFingerprint.HeadBytes
        && _reach.TryGetValue(index, out var reach) && reach < ContentFingerprint.HeadBytes;

    /// <summary>The file's text when its bytes are those checked; null when they changed or it cannot be read.</summary>
    private string? Read(int index)
    {
        try
        {
            if (ReadsHead(index))
            {
                var (head, changed) = ReadHead(index);
                if (changed || head is not null)
                {
                    return head;
                }
            }

            var file = files[index];
            using var bytes = SourceFile.ReadRented(file);
            return ContentFingerprint.Of(bytes.Span) == fingerprints[index] ? SourceFile.Decode(file, bytes.Span).Text : null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // Deleted (or renamed) since: a change too.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The excerpt is left out; the diagnostic itself is still reported.
            lock (_unreadable)
            {
                _unreadable.Add(index);
            }

            return null;
        }
    }

    /// <summary>
    /// The file's first <see cref="ContentFingerprint.HeadBytes"/> decoded, when they are those checked and hold a
    /// line break at or past the diagnostics' reach (so every line they touch is whole); changed when those bytes
    /// differ. (null, false): the head is not enough, read the whole file.
    /// </summary>
    private (string? Text, bool Changed) ReadHead(int index)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ContentFingerprint.HeadBytes);
        var chars = ArrayPool<char>.Shared.Rent(ContentFingerprint.HeadBytes);
        try
        {
            // A handle and positional reads: no FileStream (nor its buffer) for 8 KB.
            var filled = 0;
            using (var handle = File.OpenHandle(files[index].FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                int got;
                while (filled < ContentFingerprint.HeadBytes && (got = RandomAccess.Read(handle, buffer.AsSpan(filled, ContentFingerprint.HeadBytes - filled), filled)) > 0)
                {
                    filled += got;
                }
            }

            var head = buffer.AsSpan(0, filled);
            if (filled < ContentFingerprint.HeadBytes || ContentFingerprint.HashOf(head) != fingerprints[index].HeadHash)
            {
                return (null, true); // Shorter than it was, or other bytes at the top.
            }

            // As SourceFile.Decode decodes the whole file (a UTF-8 or UTF-16 head decodes to at most as many
            // characters as it has bytes), but a character cut at the end of the head is left out (no flush) rather
            // than replaced. The text given ends with the first line break at or past the reach.
            var encoding = SourceEncoding.Detect(head);
            var count = encoding.Lenient.GetDecoder().GetChars(head[encoding.Preamble.Length..], chars, flush: false);
            var reach = _reach[index];
            var lineEnd = reach <= count ? chars.AsSpan(reach, count - reach).IndexOfAny(LineBreaks) : -1;
            return lineEnd < 0 ? (null, false) : (new string(chars, 0, reach + lineEnd + 1), false);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>What ends a line for the formats' excerpts (SourceExcerpt) and the engine.</summary>
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\u0085\u2028\u2029");

    private void Keep(int index, string text)
    {
        _cached[index] = _recent.AddFirst((index, text));
        _characters += text.Length;
        while (_characters > Budget && _recent.Count > 1)
        {
            var last = _recent.Last!;
            _recent.RemoveLast();
            _cached.Remove(last.Value.Index);
            _characters -= last.Value.Text.Length;
        }
    }
}
