using DigestKit.Engine.Text;
using static DigestKit.Engine.Tests.MojibakeTestText;

namespace DigestKit.Engine.Tests;

public class MojibakeDetectionTests
{
    private const string MacRoman = "UTF-8 read as Mac OS Roman";
    private const string Windows1252 = "UTF-8 read as Windows-1252";
    private const string Latin1 = "UTF-8 read as Latin-1";

    [Fact]
    public void Mac_roman_name_gives_one_run_per_mis_decoded_letter()
    {
        var findings = Mojibake.Find("Petar Veliƒçkoviƒá");

        Assert.Equal(
            new[]
            {
                new MojibakeFinding(10, 2, "ƒç", "č", MacRoman),
                new MojibakeFinding(16, 2, "ƒá", "ć", MacRoman),
            },
            findings);
        Assert.Equal("Petar Veličković", Mojibake.Repair("Petar Veliƒçkoviƒá"));
    }

    [Fact]
    public void Adjacent_mis_decoded_letters_form_one_run()
    {
        Assert.Equal(new[] { new MojibakeFinding(3, 4, "√°≈°", "áš", MacRoman) }, Mojibake.Find("Tom√°≈° Gonda"));
    }

    [Fact]
    public void Apple_logo_lead_byte_gives_back_a_four_byte_emoji()
    {
        // 👇 is F0 9F 91 87; Mac OS Roman reads F0 as the Apple logo U+F8FF, 9F as ü, 91 as ë, 87 as á.
        Assert.Equal(new[] { new MojibakeFinding(8, 4, "\uF8FFüëá", "👇", MacRoman) }, Mojibake.Find("summary \uF8FFüëá<br>"));
        Assert.Equal(
            new[] { new MojibakeFinding(5, 10, "\uF8FFüíª‚õàÔ∏è", "💻⛈️", MacRoman) },
            Mojibake.Find("them \uF8FFüíª‚õàÔ∏è<a"));
    }

    [Theory]
    [InlineData("JosÃ©", 3, 2, "Ã©", "é", Windows1252)]
    [InlineData("The authorsâ€™ model", 11, 3, "â€™", "’", Windows1252)]
    [InlineData("The authorsâ\u0080\u0099 model", 11, 3, "â\u0080\u0099", "’", Latin1)]
    [InlineData("Å\u0081ukasz", 0, 2, "Å\u0081", "Ł", Windows1252)]
    [InlineData("10 Î¼m", 3, 2, "Î¼", "μ", Windows1252)]
    [InlineData("25Â°C", 2, 2, "Â°", "°", Windows1252)]
    [InlineData("see ðŸ‘‡", 4, 4, "ðŸ‘‡", "👇", Windows1252)]
    [InlineData("by ÐœÐ¸Ñ€Ð°", 3, 8, "ÐœÐ¸Ñ€Ð°", "Мира", Windows1252)]
    [InlineData("JosÃƒÂ©", 3, 4, "ÃƒÂ©", "é", Windows1252 + ", twice")]
    [InlineData("itÃ¢â‚¬â„¢s", 2, 8, "Ã¢â‚¬â„¢", "’", Windows1252 + ", twice")]
    [InlineData("Jos‚àö¬©", 3, 5, "‚àö¬©", "é", MacRoman + ", twice")]
    [InlineData("JosÃ\u0083Â©", 3, 4, "Ã\u0083Â©", "é", Latin1 + ", twice")]
    [InlineData("Jos√É¬©", 3, 4, "√É¬©", "é", "UTF-8 read as Windows-1252, then as Mac OS Roman")]
    [InlineData("JoseÃÅ", 4, 2, "ÃÅ", "\u0301", MacRoman)]
    [InlineData("Rol√≠nek", 3, 2, "√≠", "í", MacRoman)]
    [InlineData("o√π est", 1, 2, "√π", "ù", MacRoman)]
    [InlineData("Bucure»ôti", 6, 2, "»ô", "ș", MacRoman)]
    [InlineData("20¬∞C", 2, 2, "¬∞", "°", MacRoman)]
    [InlineData("IL2RÎ³cKO", 4, 2, "Î³", "γ", Windows1252)]
    [InlineData("hatikuâ™«~", 6, 3, "â™«", "♫", Windows1252)]
    [InlineData("HYVÃ„", 3, 2, "Ã„", "Ä", Windows1252)]
    [InlineData("Ningboï¼ŒChina", 6, 3, "ï¼Œ", "，", Windows1252)]
    [InlineData("geÃ«rd", 2, 2, "Ã«", "ë", Windows1252)]
    [InlineData("Zam√≤", 3, 2, "√≤", "ò", MacRoman)]
    [InlineData("profiter‚Ä¶", 8, 3, "‚Ä¶", "…", MacRoman)]
    [InlineData("Ã¢â€\u009dâ€™(", 0, 8, "Ã¢â€\u009dâ€™", "┒", Windows1252 + ", twice")]
    [InlineData("ï¿½ lost", 0, 3, "ï¿½", "\uFFFD", Windows1252)]
    public void Single_run_is_found_exactly(string text, int start, int length, string original, string repaired, string encoding)
    {
        var finding = Assert.Single(Mojibake.Find(text));

        Assert.Equal(new MojibakeFinding(start, length, original, repaired, encoding), finding);
        Assert.Equal(original, Remisread(finding));
    }

    public static TheoryData<string, string, int> Names()
    {
        var data = new TheoryData<string, string, int>();
        string[] names =
        {
            "Petar Veličković", "José", "Müller", "Łukasz Kaiser", "Øyvind", "Çağlar Gülçehre", "Ρένα", "Дмитрий",
            "山田太郎", "👇", "💻⛈️", "Tomáš Mikolov", "Paweł", "François Chollet", "Slavoj Žižek", "Antonín Dvořák",
            "Paul Erdős", "Nguyễn Văn A", "Ångström", "Søren", "Þórr", "أحمد", "דוד", "김민준", "Ольга", "Jürgen Schmidhuber",
            "Gaël Varoquaux", "Ilya Sutskever’s", "5 °C ± 2", "I ❤️ NY", "naïve café", "Ελένη", "Łódź", "İstanbul", "Aşkın",
        };
        foreach (var name in names)
        {
            foreach (var page in new[] { "mac", "1252", "latin1" })
            {
                data.Add(name, page, 1);
                data.Add(name, page, 2);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Names_in_many_scripts_come_back_exactly(string name, string page, int times)
    {
        var correct = "by " + name + ", et al.";
        var broken = Misread(correct, Page(page), times);

        var findings = Mojibake.Find(broken);

        Assert.Equal(correct, Mojibake.Repair(broken));
        Assert.All(findings, f => Assert.Equal(f.Original, Remisread(f)));
        Assert.All(findings, f => Assert.Equal(f.Original, broken.Substring(f.Start, f.Length)));
        Assert.Empty(Mojibake.Find(correct));
    }

    [Theory]
    [InlineData("Petar Veličković, José Müller, Łukasz, Øyvind, Çağlar Gülçehre")]
    [InlineData("Ρένα Λάμπρου, Дмитрий Ветров, 山田太郎, 김민준, דוד לוי, أحمد")]
    [InlineData("Emoji: 👇💻⛈️🎤 🇫🇷 👩‍👩‍👧 1️⃣ ✔️")]
    [InlineData("“Quoted” and ‘single’ — dashes – and … ellipsis, l’école, «Über», „Anführung“")]
    [InlineData("3×3 matrix, 5 °C ± 0.1, © 2021, 10 µm, ¨quoted¨, ½ + ¼, x ≤ y ≥ z ≠ w, ∑ ∫ ∂ √π ∞")]
    [InlineData("CAFÉ™, CAFÉ’s menu, “ÉTÉ”, IRMÃ…, ESSE CARA AI QUEM É¿, pra lá´´, café…», voilà »")]
    [InlineData("Interval (–∞, 0] and –π ≤ θ ≤ π, e^{–π}, ¬p ∧ q, ƒ/2.8, ≈ 20°C, ∆T = 5°C")]
    [InlineData("Türkçe: Çağlar, Gülçehre, İstanbul, ığdır, şekil, ÖĞRENME")]
    [InlineData("Français : « déjà vu », à l’été, « École » Œuvre, cœur, naïveté, ÎLE")]
    [InlineData("Polski: Łódź, źdźbło, żółć; Čeština: Dvořák, příliš žluťoučký kůň")]
    [InlineData("Română: București, știință, ȘTIINȚĂ; Magyar: Erdős Pál, Győr")]
    [InlineData("Tiếng Việt: Nguyễn, Trường, người; Deutsch: Straße, FUß, GRÜẞE")]
    [InlineData("Ελληνικά: αβγ, Ωμέγα; Русский: Москва, ёж; עברית: שלום; العربية: مرحبا")]
    [InlineData("日本語のテキスト、中文文本，한국어 텍스트")]
    [InlineData("Ÿ ÿ Æ æ Ø ø Å å Ð ð Þ þ ß × ÷ ¬ ¦ § ¶ · ¸ ¹ º » ¼ ½ ¾ ¿ Ã Â")]
    [InlineData("math: ∀x∈ℝ, ∃y: x²+y²=1, ∇·E = ρ/ε₀, ∮ B·dl, ℏω, ⟨ψ|φ⟩, A⊗B, f∘g")]
    [InlineData("NUL\0 and a lone surrogate \uD800 and \uDC00 here")]
    [InlineData("HYVÄ\u00A0KÄRPÄNEN\u00A0LENTÄÄ")]
    [InlineData("CAFÉ® cups, 1920×…, 3×£20, TE AMO VOCÊ…, SÓ…, DRÕ…")]
    [InlineData("(¬´_´) and ∆° and ¬© and x ¬∂ y")]
    [InlineData("A = X√π, 2√π, (√∞), a ≈∞ b, ÷∑")]
    [InlineData("Ááá! Èèè... Óóó, Ôôô, Íííí")]
    [InlineData("Η ¨λέξη¨ και ¨άλλη¨; ﬁèvre, déﬁé, ﬂéau (ligatures from a PDF)")]
    [InlineData("BÄ£ÄM ÑÍ£Ä leetspeak")]
    [InlineData("Ţara, ţară, Şcoală, şcoală, Ə, ə, ǎ ǐ ǒ ǔ, Ŋ ŋ")]
    [InlineData("« École » with no-break spaces: « école », 20\u00A0°C, § 3, «\u00A0à\u00A0»")]
    [InlineData("»Über« and »öffentlich« are German quotes; ‹Ärger› too")]
    public void Correct_text_is_left_alone(string text)
    {
        Assert.Empty(Mojibake.Find(text));
        Assert.Same(text, Mojibake.Repair(text));
    }

    [Fact]
    public void Strong_evidence_does_not_license_repairs_of_correct_text_beside_it()
    {
        var text = "JosÃ© dit «\u00A0voilà\u00A0» et « café…» » ; CAFÉ’s, NESTLÉ®";

        var finding = Assert.Single(Mojibake.Find(text));

        Assert.Equal(new MojibakeFinding(3, 2, "Ã©", "é", Windows1252), finding);
    }

    [Fact]
    public void Weak_evidence_counts_only_next_to_strong_evidence_of_the_same_code_page()
    {
        // "IRMÃ…" may be Portuguese "IRMÃ" before an ellipsis; beside "aprÃ¨s" the same string is surely mis-read.
        Assert.Empty(Mojibake.Find("IRMÃ…"));
        Assert.Equal("IRMÅ après", Mojibake.Repair("IRMÃ… aprÃ¨s"));
        Assert.Equal("IRMÃ…\naprès", Mojibake.Repair("IRMÃ…\naprÃ¨s")); // support stops at the end of the line
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uD800")]
    [InlineData("\uDC00\uD800Ã")]
    [InlineData("Ã")]
    [InlineData("\uF8FF")]
    [InlineData("\uF8FFü")]
    [InlineData("ï¿½")]
    [InlineData("\0Ã©\0")]
    public void Odd_inputs_do_not_throw(string text)
    {
        var findings = Mojibake.Find(text);
        Assert.All(findings, f => Assert.Equal(f.Original, text.Substring(f.Start, f.Length)));
        Assert.NotNull(Mojibake.Repair(text));
    }

    [Fact]
    public void Null_gives_nothing()
    {
        Assert.Empty(Mojibake.Find(null!));
        Assert.Null(Mojibake.Repair(null!));
    }

    [Fact]
    public void Huge_string_is_scanned_in_one_pass()
    {
        var line = "A plain abstract with “quotes”, π and 10 µm. ";
        var text = string.Concat(Enumerable.Repeat(line, 100_000)) + "JosÃ©";

        var finding = Assert.Single(Mojibake.Find(text));

        Assert.Equal(line.Length * 100_000 + 3, finding.Start);
    }

    [Fact]
    public void Huge_mis_decoded_string_gives_every_run()
    {
        var text = string.Concat(Enumerable.Repeat("JosÃ© ", 50_000));

        Assert.Equal(50_000, Mojibake.Find(text).Count);
        Assert.Equal(string.Concat(Enumerable.Repeat("José ", 50_000)), Mojibake.Repair(text));
    }
}
