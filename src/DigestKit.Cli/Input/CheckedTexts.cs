using System.Runtime.InteropServices;

namespace DigestKit.Cli.Input;

/// <summary>
/// The length and a 64-bit hash of a file's bytes as they were checked, so a file read back for its excerpts can be
/// told apart from one that changed in between (an editor saving, a formatter running) without keeping the bytes.
/// </summary>
internal readonly record struct ContentFingerprint(long Length, ulong Hash)
{
    public static ContentFingerprint Of(ReadOnlySpan<byte> bytes)
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
        return new ContentFingerprint(bytes.Length, hash ^ (hash >> 31));
    }
}

/// <summary>
/// The texts of checked files for source excerpts, read back from disk when a format asks for them rather than
/// kept from the analysis: only files with diagnostics are asked for, and a run over a large corpus would otherwise
/// hold all of it. A file whose bytes are no longer those that were checked gives no text
/// (<see cref="Changed"/> is then true): an excerpt of the new text would underline the wrong characters.
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
    private long _characters;

    /// <summary>The files the report will ask for, in the order it will (its diagnostics' paths).</summary>
    public void ReadAhead(IEnumerable<DigestKit.Engine.DigestDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (indexByPath.TryGetValue(d.Path, out var index) && !_positionInOrder.ContainsKey(index))
            {
                _positionInOrder.Add(index, _order.Count);
                _order.Add(index);
            }
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

            bytes += fingerprints[next].Length;
            if (bytes > Budget / 2)
            {
                break;
            }

            batch.Add(next);
        }

        return batch;
    }

    /// <summary>The file's text when its bytes are those checked; null when they changed or it cannot be read.</summary>
    private string? Read(int index)
    {
        try
        {
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
