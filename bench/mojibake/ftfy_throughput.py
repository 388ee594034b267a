#!/usr/bin/env python3
"""ftfy.fix_encoding per line over the files given: the reference figure for bench/mojibake/throughput.sh."""
import sys
import time

import ftfy

lines = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        lines.extend(f.read().split("\n"))
size = sum(len(line.encode("utf-8")) + 1 for line in lines)
best = float("inf")
for _ in range(5):
    passes, start = 0, time.perf_counter()
    while passes == 0 or time.perf_counter() - start < 3:
        for line in lines:
            ftfy.fix_encoding(line)
        passes += 1
    best = min(best, (time.perf_counter() - start) / passes)
print("ftfy %s fix_encoding per line: %d lines, %.2f MB, %.1f MB/s" % (ftfy.__version__, len(lines), size / 1e6, size / 1e6 / best))
