#!/usr/bin/env python3
"""
Builds DigestKit's own mojibake evaluation set and records ftfy's verdict on every line.

Every line is correct text of ours (names and words in many scripts), either left alone (a negative case) or
mis-encoded by the code-page tables below: UTF-8 read as Windows-1252 (sloppy: its five undefined bytes become C1
controls), Latin-1 or Mac OS Roman; Latin-1 and Windows-1252 mixed in one line; the replacement character itself
mis-encoded; emoji written as CESU-8 surrogate halves; only part of a line mis-encoded; and text mis-encoded twice.

Each line is then run through ftfy.fix_encoding, and the file records (family, original, input, ftfy's output), so
the C# tests need no Python. Regenerate with:

    python3 bench/mojibake/gen.py > tests/DigestKit.Cli.Tests/TestData/mojibake/eval.tsv

ftfy 6.3.1 must be importable (Debian's python3-ftfy; or its .deb unpacked with dpkg -x and put on PYTHONPATH).
"""

import sys

import ftfy

# --- our code-page tables -------------------------------------------------------------------------------------
# Windows-1252's high half, as sloppy decoders read it: the undefined bytes 81 8D 8F 90 9D stay C1 controls.
W1252_80_9F = (
    "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f"
    "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178"
)
W1252 = [chr(b) for b in range(0x80)] + list(W1252_80_9F) + [chr(b) for b in range(0xA0, 0x100)]
LATIN1 = [chr(b) for b in range(0x100)]
# Apple's modern Mac OS Roman (0xDB is the euro sign, 0xF0 the Apple logo).
MAC_80_FF = (
    "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü"
    "†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø"
    "¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ"
    "‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ"
)
MAC = [chr(b) for b in range(0x80)] + list(MAC_80_FF)
assert len(W1252) == len(LATIN1) == len(MAC) == 256

PAGES = {"w1252": W1252, "latin1": LATIN1, "mac": MAC}


def misread(text, page):
    """The UTF-8 bytes of text, each read as one character of page."""
    return "".join(PAGES[page][b] for b in text.encode("utf-8"))


def misread_chars(text, pick):
    """Like misread, but per character of text, with the page pick(index, char) chooses (None: left alone)."""
    out = []
    for i, ch in enumerate(text):
        page = pick(i, ch)
        out.append(ch if page is None or ord(ch) < 0x80 else misread(ch, page))
    return "".join(out)


def mixed_latin1_w1252(text):
    """UTF-8 bytes of text read as Windows-1252 and Latin-1 by turns at 80-9F; None when no line mixes both."""
    out, k = [], 0
    for b in text.encode("utf-8"):
        if 0x80 <= b <= 0x9F and W1252[b] != LATIN1[b]:
            out.append(LATIN1[b] if k % 2 else W1252[b])
            k += 1
        else:
            out.append(W1252[b])
    return "".join(out) if k >= 2 else None


def cesu8(text):
    """CESU-8: characters past U+FFFF written as two 3-byte UTF-8 sequences, one per UTF-16 surrogate."""
    out = bytearray()
    for ch in text:
        cp = ord(ch)
        if cp > 0xFFFF:
            cp -= 0x10000
            for half in (0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF)):
                out += bytes([0xE0 | (half >> 12), 0x80 | ((half >> 6) & 0x3F), 0x80 | (half & 0x3F)])
        else:
            out += ch.encode("utf-8")
    return bytes(out)


# --- our correct text ------------------------------------------------------------------------------------------
NAMES = [
    # French, German, Polish, Czech, Turkish, Vietnamese, Icelandic, Spanish, Nordic, Hungarian, Romanian
    "François Lefèvre", "Hélène Côté", "Jérôme Bézier", "Zoë Müller-Lüdenscheidt", "Jürgen Schäfer",
    "Björn Größer", "Paweł Łukasiewicz", "Małgorzata Wójcik", "Grzegorz Brzęczyszczykiewicz",
    "Antonín Dvořák", "Jiří Šťastný", "Čeněk Žižka", "Şükrü Güneş", "Gökçe Öztürk", "İlkay Çağlar",
    "Nguyễn Văn Thắng", "Trần Thị Hương", "Phạm Đức Ánh", "Guðrún Þórðardóttir", "Jökull Ægisson",
    "José María Núñez", "Søren Kierkegård", "Erdős Pál", "Ștefan Țăranu", "Ángel Peña",
    # Cyrillic, Greek, CJK, Arabic, Hebrew, Devanagari
    "Пётр Ильич Чайковский", "Наталья Воробьёва", "Γιώργος Παπαδόπουλος", "Ελένη Κωνσταντίνου",
    "山田太郎", "李小龙", "김민준", "محمد عبد الله", "יעקב כהן", "अमिताभ बच्चन",
]
WORDS = [
    # curly quotes, dashes, math, emoji
    "“Attention Is All You Need”", "it’s a model’s view", "2019–2021 — revisited",
    "x ≤ y ≥ z ≠ 0", "∑ over i ∈ ℕ", "Café au lait ☕", "Thanks 🙏 so much", "🚀 launch 🎉",
    "naïve café résumé", "€5 and £3", "½ cup — ¼ spoon", "¿Qué? ¡Sí!",
]
# Capitals whose UTF-8 second byte is one Windows-1252 leaves undefined (81 8D 8F 90 9D): only sloppy decoders
# read them, as C1 controls.
SLOPPY = ["Álvaro Ídolo", "Ýmir Ðorđević", "ÍSLENSKA Á ÍSAFIRÐI", "Ángela Ñíguez Ïsabel", "ĂŁ Ĩ"]
SENTENCES = [
    "L’été dernier à Paris, François a dit « c’est génial »", "Über die Straße gehen — schön!",
    "Zażółć gęślą jaźń", "Příliš žluťoučký kůň úpěl ďábelské ódy", "Pijamalı hasta yağız şoföre çabucak güvendi",
    "Tiếng Việt có dấu rất đẹp", "Съешь же ещё этих мягких французских булок", "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία",
    "日本語のテキストです。", "הטקסט בעברית", "النص العربي هنا", "यह हिंदी पाठ है",
    "It’s “quoted” and – dashed — text…", "Temperature: 20 °C ± 0.5 °C, µ = 3", "Price: €12.50 • ™ ® ©",
]
EMOJI = ["Great work 🎉", "🔥 hot take", "Ana 😀 Silva", "ship it 🚢🚀"]

# Correct text that merely looks like mojibake, or sits close to it: ftfy leaves these alone, and so must we.
NEGATIVES = [
    # Italian and math that Mac OS Roman would spell with √ ∞ π ≈ ±
    "Il valore è √π ≈ 1,77", "la più bella città", "perché no? così è", "x√2 ± 0,5 al 95%",
    "∞ ≥ n ≈ π", "f(x) ≈ ∑ aₙxⁿ", "angolo di 90° ± 2°",
    # curly apostrophes and quotes next to accented capitals
    "L’ÉTÉ D’AMÉLIE", "CAFÉ’s menu", "“NAÏVE” said Zoë", "the ‘ÉCOLE’ brand", "Ô’Neill’s pub",
    # names in many scripts, as they are
    *NAMES,
    # Latin-1 letters that pair like UTF-8 lead/continuation characters in correct text
    "Ã la carte, SÃO PAULO", "ÂGE D’OR", "Ðorđe Balašević", "Æsir and Vanir", "Øystein Ørmen",
    "ß-Zähler für Fußgänger", "3×² = 9×", "Ñandú", "Ü-Bahn", "Ïle-de-France",
    "Français “citation”", "déjà vu…", "Aïcha ben Âli",
    # symbols and emoji
    *WORDS,
    "(╯°□°)╯︵ ┻━┻", "¯\\_(ツ)_/¯", "→ ← ↑ ↓", "☺ ♥ ★",
    *SLOPPY, *SENTENCES,
    # more scripts, and Latin typography that pairs like mojibake
    "ภาษาไทย สวัสดี", "ქართული ენა", "Հայերեն լեզու", "aujourd’hui l’Été", "©2021 Müller® GmbH",
    "α ≤ β ≥ γ, ∀ε > 0", "Ĳsselmeer", "Œuvre complète", "naïveté", "São Tomé", "Ærøskøbing",
    "Ð and ð, Þ and þ", "ÀÁÂÃÄÅ", "£100 — ¥200 — ¢5", "§ 12 ¶ 3", "¼ ½ ¾", "‰ ‱ † ‡",
]


def main():
    rows = []

    def add(family, original, text):
        rows.append((family, original, text))

    for t in NAMES + WORDS:
        add("w1252", t, misread(t, "w1252"))
        add("latin1", t, misread(t, "latin1"))
        add("mac", t, misread(t, "mac"))
    for t in SLOPPY + SENTENCES:
        add("w1252", t, misread(t, "w1252"))
        add("latin1", t, misread(t, "latin1"))
        add("mac", t, misread(t, "mac"))
    for t in NAMES[20:] + SENTENCES:
        add("latin1-then-w1252", t, misread(misread(t, "latin1"), "w1252"))
        add("mac-then-w1252", t, misread(misread(t, "mac"), "w1252"))
    for t in NAMES[:20] + WORDS[:6]:
        add("twice-w1252", t, misread(misread(t, "w1252"), "w1252"))
        add("twice-latin1", t, misread(misread(t, "latin1"), "latin1"))
    for t in NAMES[:10]:
        add("twice-mac", t, misread(misread(t, "mac"), "mac"))
        add("w1252-then-mac", t, misread(misread(t, "w1252"), "mac"))
    # Latin-1 and Windows-1252 in one line: the bytes 80-9F, where the two differ, alternate between them.
    for t in NAMES + WORDS:
        mixed = mixed_latin1_w1252(t)
        if mixed is not None:
            add("mixed-latin1-w1252", t, mixed)
    # The replacement character itself mis-encoded (a lossy step happened before the mis-reading).
    for t in ["Jos\ufffd Garc\ufffda", "M\ufffdller", "Caf\ufffd \u2014 ouvert", "\ufffd\ufffd 2021"]:
        add("replacement-w1252", t, misread(t, "w1252"))
        add("replacement-mac", t, misread(t, "mac"))
    # Emoji as CESU-8 surrogate halves, then read as Windows-1252 or Latin-1.
    for t in EMOJI:
        add("cesu8-w1252", t, "".join(W1252[b] for b in cesu8(t)))
        add("cesu8-latin1", t, "".join(LATIN1[b] for b in cesu8(t)))
    # Only some characters mis-encoded: a left quote mangled and the right one not; one name of two.
    for t in ["“Deep Learning”", "“Attention” is ‘all’", "He said “it’s fine” — then left", "‘Ça va’, répondit-elle"]:
        add("partial-quote", t, misread_chars(t, lambda i, c: "w1252" if i == 0 else None))
        add("partial-quote", t, misread_chars(t, lambda i, c: "mac" if i == 0 else None))
    # Only the accented letters of one word of a sentence mis-read.
    for t in SENTENCES[:8]:
        words = t.split(" ")
        k = max(range(len(words)), key=lambda j: sum(ord(c) >= 0x80 for c in words[j]))
        for page in ("w1252", "mac"):
            add("partial-word", t, " ".join(misread(w, page) if j == k else w for j, w in enumerate(words)))
    for a, b in [("François Lefèvre", "Jürgen Schäfer"), ("Paweł Łukasiewicz", "Antonín Dvořák"),
                 ("Şükrü Güneş", "Nguyễn Văn Thắng"), ("Hélène Côté", "José María Núñez")]:
        add("partial-name", a + ", " + b, misread(a, "w1252") + ", " + b)
        add("partial-name", a + ", " + b, a + ", " + misread(b, "mac"))
    for t in NEGATIVES:
        add("negative", t, t)

    seen = set()
    out = sys.stdout
    out.write("# DigestKit mojibake evaluation set: family, correct text, input line, ftfy %s fix_encoding(input)\n"
              % ftfy.__version__)
    out.write("# Escapes: \\t \\n \\\\ and \\uXXXX for C1 controls. Generated by bench/mojibake/gen.py.\n")
    for family, original, text in rows:
        if text in seen:
            continue
        seen.add(text)
        fixed = ftfy.fix_encoding(text)
        if family == "negative" and fixed != text:
            # Not a line ftfy leaves alone, so not a negative case: say so and leave it out.
            sys.stderr.write("ftfy changes correct text, dropped: %r -> %r\n" % (text, fixed))
            continue
        out.write("\t".join(escape(x) for x in (family, original, text, fixed)) + "\n")


def escape(s):
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif 0x80 <= ord(ch) <= 0x9F or ord(ch) < 0x20:
            out.append("\\u%04X" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


if __name__ == "__main__":
    main()
