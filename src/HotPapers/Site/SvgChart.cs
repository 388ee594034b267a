using System.Globalization;
using System.Text;

namespace HotPapers;

/// <summary>A bar chart as inline SVG (no script, no external asset): one bar per value, its label under it.</summary>
internal static class SvgChart
{
    private const int Height = 160;
    private const int Top = 10;
    private const int LabelSpace = 48;

    public static string Bars(string title, IReadOnlyList<(string Label, long Value)> bars)
    {
        var barWidth = bars.Count > 40 ? 12 : 28;
        var gap = barWidth / 4;
        var width = Math.Max(200, bars.Count * (barWidth + gap) + gap);
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{width}\" height=\"{Height + LabelSpace}\" viewBox=\"0 0 {width} {Height + LabelSpace}\">");
        svg.Append("<title>").Append(Html.Escape(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Height}\" x2=\"{width}\" y2=\"{Height}\" stroke=\"#888\"/>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = (int)Math.Round((double)Math.Max(0, value) / max * (Height - Top));
            var x = gap + i * (barWidth + gap);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Height - h}\" width=\"{barWidth}\" height=\"{h}\" fill=\"#3b6ea5\">");
            svg.Append("<title>").Append(Html.Escape(label + ": " + Html.Number(value))).Append("</title></rect>");
            var cx = x + barWidth / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{cx}\" y=\"{Height + 12}\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-45 {cx} {Height + 12})\">");
            svg.Append(Html.Escape(label)).Append("</text>");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
