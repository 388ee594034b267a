using System;
using System.Collections.Generic;
using System.Globalization;

namespace DigestKit.Engine
{
    /// <summary>
    /// The diagnostics of one file, at most <see cref="Max"/> of them in the end, the rest counted by one DK9020. A
    /// file that is not a digest at all (4 MB of <c>#</c> lines is two million headings, each five findings) would
    /// otherwise print gigabytes; so the list is compacted whenever it reaches <see cref="CompactAt"/>, and memory
    /// stays bounded however many diagnostics are reported. What is kept: the first (in the hosts' order) of every ID,
    /// so the verdict under any per-ID severity is the one the whole list gives, then the earliest others.
    /// </summary>
    internal sealed class CappedDiagnostics : List<DigestDiagnostic>
    {
        public const int Max = 200;

        /// <summary>How long the list grows before it is cut back to its <see cref="Max"/> candidates.</summary>
        internal const int CompactAt = 8192;

        private readonly Dictionary<string, int> _omittedById = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>The IDs among those kept at the last compaction, each with its count of findings skipped since (one lookup a skip).</summary>
        private readonly Dictionary<string, SkipCount> _keptIds = new Dictionary<string, SkipCount>(StringComparer.Ordinal);
        private DigestDiagnostic? _firstOmitted;
        private int _latestKept = int.MaxValue;
        private int _omitted;

        /// <summary>Whether entries were ever removed (their indexes then moved).</summary>
        public bool Compacted { get; private set; }

        /// <summary>Adds <paramref name="diagnostic"/> to <paramref name="list"/>, compacting it first when it is a full capped list.</summary>
        public static void Add(List<DigestDiagnostic> list, DigestDiagnostic diagnostic)
        {
            if (list is CappedDiagnostics capped && capped.Count >= CompactAt)
            {
                capped.Compact(Max);
            }

            list.Add(diagnostic);
        }

        /// <summary>
        /// Counts a finding without creating it when it is sure to be left out: the list was compacted, the finding comes
        /// after every one kept, and its ID is among them (so it is not its ID's first). Creating two million diagnostics'
        /// messages only to drop them is most of the cost of a file of '#' lines.
        /// </summary>
        public static bool TrySkip(List<DigestDiagnostic> list, DigestRule rule, SourceSpan span)
        {
            if (list is not CappedDiagnostics capped || !capped.Compacted || span.Start <= capped._latestKept ||
                capped._firstOmitted is null || span.Start <= capped._firstOmitted.Span.Start || !capped._keptIds.TryGetValue(rule.Id, out var skipped))
            {
                return false;
            }

            capped._omitted++;
            skipped.Count++;
            return true;
        }

        /// <summary>Adds the findings <see cref="TrySkip"/> counted to <see cref="_omittedById"/>.</summary>
        private void TakeSkipped()
        {
            foreach (var pair in _keptIds)
            {
                if (pair.Value.Count > 0)
                {
                    _omittedById.TryGetValue(pair.Key, out var n);
                    _omittedById[pair.Key] = n + pair.Value.Count;
                    pair.Value.Count = 0;
                }
            }
        }

        private sealed class SkipCount
        {
            public int Count;
        }

        /// <summary>Cuts the list to <see cref="Max"/> and adds the DK9020 for the rest; returns how many were left out.</summary>
        public int Finish()
        {
            if (Count > Max)
            {
                Compact(Max);
            }

            TakeSkipped();
            if (_omitted == 0)
            {
                return 0;
            }

            var counts = new List<KeyValuePair<string, int>>(_omittedById);
            counts.Sort((a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
            var parts = new List<string>(counts.Count);
            foreach (var pair in counts)
            {
                parts.Add(pair.Key + " \u00D7" + pair.Value.ToString(CultureInfo.InvariantCulture));
            }

            var at = _firstOmitted!;
            Add(DigestRules.DiagnosticsOmitted.Create(at.Path, at.Span, _omitted.ToString(CultureInfo.InvariantCulture), string.Join(", ", parts)));
            return _omitted;
        }

        /// <summary>Keeps the first of every ID and the earliest others, <paramref name="keep"/> in all, in the order reported.</summary>
        private void Compact(int keep)
        {
            var firstOfId = new Dictionary<string, int>(StringComparer.Ordinal);
            var earliest = new BoundedMaxHeap(keep, Compare);
            for (var i = 0; i < Count; i++)
            {
                var id = this[i].Id;
                if (!firstOfId.TryGetValue(id, out var first) || Compare(i, first) < 0)
                {
                    firstOfId[id] = i;
                }

                earliest.Offer(i);
            }

            var chosen = new HashSet<int>(firstOfId.Values);
            foreach (var i in earliest.ToSortedList())
            {
                if (chosen.Count >= keep)
                {
                    break;
                }

                chosen.Add(i);
            }

            var kept = new List<DigestDiagnostic>(chosen.Count);
            for (var i = 0; i < Count; i++)
            {
                var d = this[i];
                if (chosen.Contains(i))
                {
                    kept.Add(d);
                    continue;
                }

                _omitted++;
                _omittedById.TryGetValue(d.Id, out var n);
                _omittedById[d.Id] = n + 1;
                if (_firstOmitted is null || DigestEngine.Compare(d, _firstOmitted) < 0)
                {
                    _firstOmitted = d;
                }
            }

            Clear();
            AddRange(kept);
            Compacted = true;
            _latestKept = 0;
            foreach (var d in kept)
            {
                if (!_keptIds.ContainsKey(d.Id))
                {
                    _keptIds.Add(d.Id, new SkipCount());
                }

                _latestKept = Math.Max(_latestKept, d.Span.Start);
            }
        }

        private int Compare(int a, int b)
        {
            var c = DigestEngine.Compare(this[a], this[b]);
            return c != 0 ? c : a.CompareTo(b);
        }

        /// <summary>The <c>capacity</c> smallest of the indexes offered, under a comparison (netstandard2.0 has no PriorityQueue).</summary>
        private sealed class BoundedMaxHeap
        {
            private readonly int[] _items;
            private readonly Comparison<int> _compare;
            private int _count;

            public BoundedMaxHeap(int capacity, Comparison<int> compare)
            {
                _items = new int[capacity];
                _compare = compare;
            }

            public void Offer(int item)
            {
                if (_count < _items.Length)
                {
                    var i = _count++;
                    _items[i] = item;
                    while (i > 0 && _compare(_items[(i - 1) / 2], _items[i]) < 0)
                    {
                        Swap(i, (i - 1) / 2);
                        i = (i - 1) / 2;
                    }

                    return;
                }

                if (_compare(item, _items[0]) >= 0)
                {
                    return;
                }

                _items[0] = item;
                var k = 0;
                while (true)
                {
                    var largest = k;
                    var l = (2 * k) + 1;
                    var r = l + 1;
                    if (l < _count && _compare(_items[l], _items[largest]) > 0) largest = l;
                    if (r < _count && _compare(_items[r], _items[largest]) > 0) largest = r;
                    if (largest == k)
                    {
                        return;
                    }

                    Swap(k, largest);
                    k = largest;
                }
            }

            public List<int> ToSortedList()
            {
                var list = new List<int>(_count);
                for (var i = 0; i < _count; i++)
                {
                    list.Add(_items[i]);
                }

                list.Sort(_compare);
                return list;
            }

            private void Swap(int a, int b) => (_items[a], _items[b]) = (_items[b], _items[a]);
        }
    }
}
