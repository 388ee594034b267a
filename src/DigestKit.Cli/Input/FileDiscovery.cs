namespace DigestKit.Cli.Input;

/// <summary>How to look for digests: what to leave out beyond the defaults.</summary>
internal sealed record DiscoveryOptions
{
    /// <summary><c>--exclude</c> patterns, in gitignore syntax relative to <see cref="WorkingDirectory"/>.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary><c>--no-ignore</c>: read git-ignored files and <c>node_modules</c> too.</summary>
    public bool NoIgnore { get; init; }

    /// <summary>The folder relative paths and <c>--exclude</c> patterns are taken from (default: the current one).</summary>
    public string? WorkingDirectory { get; init; }
}

/// <summary>
/// What discovery found. <see cref="Notes"/> are things left out on purpose (a FIFO in a folder); <see cref="Errors"/>
/// are problems that make the command exit 2 once the files that were found have been reported (an unreadable
/// folder, a device named on the command line).
/// </summary>
internal sealed record DiscoveryResult(IReadOnlyList<InputFile> Files, IReadOnlyList<string> Notes, IReadOnlyList<string> Errors);

/// <summary>
/// Turns the command line's paths (or an editor's workspace folder) into the digests to read: files as named,
/// folders walked for <c>*.md</c>, and globs the shell left unexpanded. Every host that looks for digests on disk
/// calls this, so <c>check</c>, <c>fix</c> and the language server agree on what a folder holds.
/// <list type="bullet">
/// <item>Only regular files are read. FIFOs, sockets and devices met in a folder are skipped with a note; one named
/// explicitly is refused (an error). Symbolic links to files are followed; links to folders are not (so a link
/// loop cannot repeat or hang the walk).</item>
/// <item><c>.gitignore</c> files (each folder's, and those above the walked folder up to the repository root) and
/// <c>.git/info/exclude</c> are respected, and <c>node_modules</c>, <c>.git</c> and other dot-entries skipped, unless
/// <see cref="DiscoveryOptions.NoIgnore"/> (dot-entries stay skipped).</item>
/// <item><c>--exclude</c> patterns apply to every file, found or named.</item>
/// <item>A folder that cannot be listed is an error, and the rest of the walk goes on.</item>
/// </list>
/// </summary>
internal static class FileDiscovery
{
    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public static DiscoveryResult Discover(IReadOnlyList<string> arguments, DiscoveryOptions? options = null)
    {
        options ??= new DiscoveryOptions();
        var walk = new Walk(options);
        foreach (var argument in arguments)
        {
            walk.Add(argument);
        }

        return new DiscoveryResult(walk.Files, walk.Notes, walk.Errors);
    }

    /// <summary>True when the argument holds glob characters a shell would have expanded.</summary>
    public static bool HasGlob(string argument) => argument.AsSpan().IndexOfAny("*?[") >= 0;

    private static string Slashed(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');

    private sealed class Walk
    {
        private readonly DiscoveryOptions _options;
        private readonly string _workingDirectory;
        private readonly IgnoreRules? _excludes;
        private readonly HashSet<string> _seen = new(PathComparer);

        public Walk(DiscoveryOptions options)
        {
            _options = options;
            _workingDirectory = Path.GetFullPath(options.WorkingDirectory ?? Environment.CurrentDirectory);
            _excludes = options.Excludes.Count == 0 ? null : IgnoreRules.Parse(_workingDirectory, options.Excludes);
        }

        public List<InputFile> Files { get; } = [];

        public List<string> Notes { get; } = [];

        public List<string> Errors { get; } = [];

        public void Add(string argument)
        {
            string full;
            try
            {
                full = Path.GetFullPath(argument, _workingDirectory);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw new UsageException($"'{argument}' is not a valid path: {ex.Message}");
            }

            var kind = FileKinds.Of(full, followLinks: true);
            switch (kind)
            {
                case FileKind.Regular:
                    if (!IsExcluded(full, isDirectory: false, withAncestors: true) && _seen.Add(full))
                    {
                        Files.Add(new InputFile(argument, full));
                    }

                    break;
                case FileKind.Directory when IsExcluded(full, isDirectory: true, withAncestors: true):
                    Notes.Add($"the folder '{argument}' is left out by --exclude");
                    break;
                case FileKind.Directory:
                    var found = WalkFolder(full, argument, glob: null);
                    if (found == 0)
                    {
                        Notes.Add($"no *.md files in the folder '{argument}'");
                    }

                    break;
                case FileKind.Missing when HasGlob(argument):
                    ExpandGlob(argument);
                    break;
                case FileKind.Missing:
                    throw new UsageException($"'{argument}' does not exist (expected a digest file or a folder of *.md digests)");
                default:
                    Errors.Add($"'{argument}' is {FileKinds.Describe(kind)}, not a regular file: refused");
                    break;
            }
        }

        /// <summary>A glob such as <c>content/**/*.md</c>: the folder before its first wildcard, walked and filtered.</summary>
        private void ExpandGlob(string argument)
        {
            var segments = argument.Split(OperatingSystem.IsWindows() ? ['/', '\\'] : ['/']);
            var fixedCount = 0;
            while (fixedCount < segments.Length - 1 && !HasGlob(segments[fixedCount]))
            {
                fixedCount++;
            }

            var baseDisplay = string.Join('/', segments[..fixedCount]);
            if (fixedCount == 1 && segments[0].Length == 0)
            {
                baseDisplay = "/";
            }

            var pattern = string.Join('/', segments[fixedCount..]);
            var baseFull = Path.GetFullPath(baseDisplay.Length == 0 ? "." : baseDisplay, _workingDirectory);
            // Shell glob syntax (*, ?, [a-z], and ** across folders) is gitignore's for an anchored pattern.
            // Microsoft.Extensions.FileSystemGlobbing would do, but it knows only * and **.
            var matcher = IgnoreRules.Parse(baseFull, ["/" + pattern]);
            if (FileKinds.Of(baseFull, followLinks: true) != FileKind.Directory)
            {
                throw new UsageException($"'{argument}' matches no file: the folder '{(baseDisplay.Length == 0 ? "." : baseDisplay)}' does not exist");
            }

            if (WalkFolder(baseFull, baseDisplay, matcher) == 0)
            {
                // A note, not an error: the pattern may only match excluded files. Nothing found at all is an error later.
                Notes.Add($"'{argument}' matches no file to check");
            }
        }

        /// <summary>Walks one folder argument; returns how many files it contributed.</summary>
        private int WalkFolder(string rootFull, string rootDisplay, IgnoreRules? glob)
        {
            var found = new List<(string Relative, string Full)>();
            if (IsExcluded(rootFull, isDirectory: true, withAncestors: true))
            {
                return 0;
            }

            var rootRules = _options.NoIgnore ? [] : AncestorRules(rootFull);
            var pending = new Stack<(string Full, string Relative, IReadOnlyList<IgnoreRules> Rules)>();
            pending.Push((rootFull, string.Empty, rootRules));
            while (pending.Count > 0)
            {
                var (folder, relative, rules) = pending.Pop();
                if (!_options.NoIgnore && ReadRules(Path.Combine(folder, ".gitignore"), folder) is { } own)
                {
                    rules = [.. rules, own];
                }

                List<FileSystemInfo> entries;
                try
                {
                    entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
                    {
                        RecurseSubdirectories = false,
                        IgnoreInaccessible = false,
                        AttributesToSkip = 0,
                    }).ToList();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    Errors.Add($"cannot list the folder '{Display(rootDisplay, relative)}': {ex.Message}");
                    continue;
                }

                entries.Sort((a, b) => string.CompareOrdinal(b.Name, a.Name));
                foreach (var entry in entries)
                {
                    var name = entry.Name;
                    if (name.StartsWith('.'))
                    {
                        continue;
                    }

                    var entryRelative = relative.Length == 0 ? name : relative + "/" + name;
                    var entryFull = Path.Combine(folder, name);
                    var kind = FileKinds.Of(entryFull, followLinks: false);
                    if (kind == FileKind.SymbolicLink)
                    {
                        kind = FileKinds.Of(entryFull, followLinks: true);
                        if (kind == FileKind.Directory)
                        {
                            // Not followed: a link back up (ln -s . self) would repeat the folder forever.
                            continue;
                        }

                        if (kind == FileKind.Missing)
                        {
                            // A dangling link is reported as unreadable when it is read, like any file that vanished.
                            kind = FileKind.Regular;
                        }
                    }

                    if (kind == FileKind.Directory)
                    {
                        if ((!_options.NoIgnore && name == "node_modules") || IsIgnored(rules, entryFull, true) || IsExcluded(entryFull, true, false))
                        {
                            continue;
                        }

                        pending.Push((entryFull, entryRelative, rules));
                        continue;
                    }

                    var wanted = glob is null
                        ? name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                        : glob.Match(entryRelative, isDirectory: false) == true;
                    if (!wanted || IsIgnored(rules, entryFull, false) || IsExcluded(entryFull, false, false))
                    {
                        continue;
                    }

                    if (kind == FileKind.Regular)
                    {
                        found.Add((entryRelative, entryFull));
                    }
                    else
                    {
                        Notes.Add($"skipped '{Display(rootDisplay, entryRelative)}': it is {FileKinds.Describe(kind)}, not a regular file");
                    }
                }
            }

            found.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
            foreach (var (rel, full) in found)
            {
                if (_seen.Add(full))
                {
                    Files.Add(new InputFile(Display(rootDisplay, rel), full));
                }
            }

            return found.Count;
        }

        private static string Display(string root, string relative)
        {
            if (relative.Length == 0)
            {
                return root;
            }

            return root.Length == 0 ? relative : Path.Combine(root, Path.DirectorySeparatorChar == '/' ? relative : relative.Replace('/', Path.DirectorySeparatorChar));
        }

        /// <summary>Rules that apply inside <paramref name="folder"/> from above it: the repository's exclude file, then each .gitignore from the root down.</summary>
        private static List<IgnoreRules> AncestorRules(string folder)
        {
            var rules = new List<IgnoreRules>();
            folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
            if (RepositoryRoot.TryFind(folder) is not { } repositoryRoot)
            {
                // Outside a repository, only the .gitignore files in the walked folders count.
                return rules;
            }

            // The folders above the walked one, up to the repository root (none when it is the root itself).
            var ancestors = new List<string>();
            for (var dir = folder == repositoryRoot ? null : Path.GetDirectoryName(folder); dir is not null; dir = Path.GetDirectoryName(dir))
            {
                ancestors.Add(dir);
                if (dir == repositoryRoot)
                {
                    break;
                }
            }

            if (ReadRules(Path.Combine(repositoryRoot, ".git", "info", "exclude"), repositoryRoot) is { } exclude)
            {
                rules.Add(exclude);
            }

            ancestors.Reverse();
            foreach (var dir in ancestors)
            {
                if (ReadRules(Path.Combine(dir, ".gitignore"), dir) is { } own)
                {
                    rules.Add(own);
                }
            }

            return rules;
        }

        private static IgnoreRules? ReadRules(string file, string baseDirectory)
        {
            try
            {
                if (FileKinds.Of(file, followLinks: true) != FileKind.Regular)
                {
                    return null;
                }

                var rules = IgnoreRules.Parse(baseDirectory, File.ReadAllLines(file));
                return rules.Count == 0 ? null : rules;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unreadable .gitignore hides nothing, as in git.
                return null;
            }
        }

        /// <summary>The innermost .gitignore with a matching pattern decides; then the ones above it.</summary>
        private static bool IsIgnored(IReadOnlyList<IgnoreRules> rules, string full, bool isDirectory)
        {
            for (var i = rules.Count - 1; i >= 0; i--)
            {
                var relative = Slashed(Path.GetRelativePath(rules[i].BaseDirectory, full));
                if (rules[i].Match(relative, isDirectory) is { } verdict)
                {
                    return verdict;
                }
            }

            return false;
        }

        private bool IsExcluded(string full, bool isDirectory, bool withAncestors)
        {
            if (_excludes is null)
            {
                return false;
            }

            var relative = Slashed(Path.GetRelativePath(_workingDirectory, full));
            if (_excludes.Match(relative, isDirectory) == true)
            {
                return true;
            }

            // A named file inside an excluded folder is excluded too, as git would have it.
            if (withAncestors && !relative.StartsWith("../", StringComparison.Ordinal))
            {
                for (var slash = relative.LastIndexOf('/'); slash > 0; slash = relative.LastIndexOf('/', slash - 1))
                {
                    if (_excludes.Match(relative[..slash], isDirectory: true) == true)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
