// Damaged copies of the real posts: every non-ASCII line, whole or one word of it, read wrongly through Mac OS
// Roman, Windows-1252 or Latin-1, once and twice; then Mojibake.Repair. Counts exact repairs, untouched lines and
// wrong repairs (anything else, half repairs included), and lists the wrong ones.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DigestKit.Engine.Text;
string Mis(string t, string page, int times) {
    for (int i = 0; i < times; i++) {
        var bytes = Encoding.UTF8.GetBytes(t);
        var sb = new StringBuilder();
        foreach (var b in bytes) sb.Append(Table(page)[b]);
        t = sb.ToString();
    }
    return t;
}
Dictionary<string, char[]> tables = new();
char[] Table(string page) {
    if (tables.TryGetValue(page, out var tb)) return tb;
    tb = new char[256];
    for (int b = 0; b < 256; b++) tb[b] = (char)b;
    string hi = page switch {
        "mac" => "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ",
        "1252" => "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ",
        _ => "" };
    if (page == "mac") for (int i = 0; i < 128; i++) tb[128 + i] = hi[i];
    if (page == "1252") for (int i = 0; i < 32; i++) tb[128 + i] = hi[i];
    return tables[page] = tb;
}
int total = 0, exact = 0, unchanged = 0, wrong = 0;
var wrongs = new List<string>();
foreach (var file in args)
foreach (var line in File.ReadAllText(file).Split('\n')) {
    if (line.All(c => c < 0x80)) continue;
    var words = line.Split(' ');
    var k = Array.FindIndex(words, w => w.Any(c => c >= 0x80));
    foreach (var page in new[] { "mac", "1252", "latin1" })
    for (int times = 1; times <= 2; times++)
    foreach (var partial in new[] { false, true }) {
        var damaged = partial ? string.Join(" ", words.Select((w, j) => j == k ? Mis(w, page, times) : w)) : Mis(line, page, times);
        var fixedLine = Mojibake.Repair(damaged);
        total++;
        if (fixedLine == line) exact++;
        else if (fixedLine == damaged) unchanged++;
        else { wrong++; int d = 0; while (d < line.Length && d < fixedLine.Length && line[d] == fixedLine[d]) d++; var a = Math.Max(0, d - 20); wrongs.Add($"{page} x{times} partial={partial}: want {line.Substring(a, Math.Min(50, line.Length - a))}\n   got {fixedLine.Substring(a, Math.Min(50, fixedLine.Length - a))}"); }
    }
    // and the line as it is
    if (Mojibake.Repair(line) != line && !file.Contains("003_")) wrongs.Add("CLEAN CHANGED: " + line);
}
Console.WriteLine($"damaged copies: {total}, repaired exactly {exact}, left unchanged {unchanged}, changed wrongly {wrong}");
foreach (var w in wrongs) Console.WriteLine(w);
