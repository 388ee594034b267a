// The mojibake scan's throughput on real posts, measured the way ftfy is measured in ftfy_throughput.py: every
// line of every file given, scanned on its own, repeated until about three seconds have passed; best of five rounds.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using DigestKit.Engine.Text;

var lines = new List<string>();
long bytes = 0;
foreach (var file in args)
{
    foreach (var line in File.ReadAllText(file).Split('\n'))
    {
        lines.Add(line);
        bytes += Encoding.UTF8.GetByteCount(line) + 1;
    }
}

var findings = 0;
foreach (var line in lines)
{
    findings += Mojibake.Find(line).Count;
}

var best = double.MaxValue;
for (var round = 0; round < 5; round++)
{
    var passes = 0;
    var watch = Stopwatch.StartNew();
    while (watch.Elapsed.TotalSeconds < 3 || passes == 0)
    {
        foreach (var line in lines)
        {
            Mojibake.Repair(line);
        }

        passes++;
    }

    best = Math.Min(best, watch.Elapsed.TotalSeconds / passes);
}

Console.WriteLine($"DigestKit Mojibake.Repair per line: {lines.Count} lines, {bytes / 1e6:F2} MB, {findings} findings, {bytes / 1e6 / best:F1} MB/s");

// A worst case for the scan: one megabyte-long line that is mojibake from end to end.
var hostile = string.Concat(Enumerable.Repeat("\u00c3\u00a9", 512 * 1024));
var hostileWatch = Stopwatch.StartNew();
var repaired = Mojibake.Repair(hostile);
Console.WriteLine($"one 1 MiB line of 'Ã©': {hostileWatch.Elapsed.TotalMilliseconds:F0} ms, repaired to {repaired.Length} characters");
