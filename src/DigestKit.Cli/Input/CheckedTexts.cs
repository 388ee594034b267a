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
/// The most recently used texts are kept up to a budget, since formats ask for one file's diagnostics in a row
/// and SARIF also looks in the file a cross-file diagnostic names. Not thread-safe: formats write on one thread.
/// </summary>
internal sealed class CheckedTexts(IReadOnlyList<InputFile> files, IReadOnlyDictionary<string, int> indexByPath, ContentFingerprint[] fingerprints)
{
    /// <summary>Characters of text kept at once.</summary>
    private const long Budget = 8L * 1024 * 1024;

    private readonly Dictionary<int, LinkedListNode<(int Index, string Text)>> _cached = [];
    private readonly LinkedList<(int Index, string Text)> _recent = new();
    private readonly HashSet<int> _changed = [];
    private readonly HashSet<int> _unreadable = [];
    private long _characters;

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

        string text;
        try
        {
            var file = files[index];
            var bytes = file.Content ?? SourceFile.ReadBytes(file.FullPath);
            if (ContentFingerprint.Of(bytes) != fingerprints[index])
            {
                _changed.Add(index);
                return null;
            }

            text = SourceFile.Decode(file, bytes).Text;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            _changed.Add(index); // Deleted (or renamed) since: a change too.
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _unreadable.Add(index); // The excerpt is left out; the diagnostic itself is still reported.
            return null;
        }

        _cached[index] = _recent.AddFirst((index, text));
        _characters += text.Length;
        while (_characters > Budget && _recent.Count > 1)
        {
            var last = _recent.Last!;
            _recent.RemoveLast();
            _cached.Remove(last.Value.Index);
            _characters -= last.Value.Text.Length;
        }

        return text;
    }

    /// <summary>True once <see cref="Text"/> found the file's bytes changed since they were checked.</summary>
    public bool Changed(string path) => indexByPath.TryGetValue(path, out var index) && _changed.Contains(index);
}
