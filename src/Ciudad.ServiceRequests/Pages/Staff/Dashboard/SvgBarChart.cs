using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace Ciudad.ServiceRequests.Pages.Staff.Dashboard;

/// <summary>One horizontal bar; several segments make a stacked bar.</summary>
internal sealed record ChartBar(string Label, IReadOnlyList<ChartSegment> Segments, string ValueText);

/// <summary>A piece of a bar. <paramref name="Title"/> is the tooltip a pointer shows.</summary>
internal sealed record ChartSegment(double Value, string Colour, string Title);

internal sealed record ChartLegendItem(string Label, string Colour);

/// <summary>
/// Horizontal bar charts drawn on the server as inline SVG: no script, nothing for the CSP to block
/// (presentation attributes, not style attributes). The chart is one image (<c>role="img"</c>)
/// named by the caption it points at; the table beside it carries the same numbers for screen
/// readers and for anyone who wants exact values.
/// </summary>
internal static class SvgBarChart
{
    /// <summary>USWDS system colours, all at least 4.5:1 against white (grade 50 and darker).</summary>
    public static class Colours
    {
        public const string Primary = "#005ea2";       // blue-60v
        public const string Green = "#008817";         // green-cool-50v
        public const string Blue = "#005ea2";          // blue-60v
        public const string Gold = "#936f38";          // gold-50v
        public const string Orange = "#c05600";        // orange-50v
        public const string Violet = "#711e6c";        // violet-warm-70v
        public const string Text = "#1b1b1b";          // base-darkest
        public const string Axis = "#71767a";          // base
    }

    // Sized for half of the page's width, so text is drawn near its nominal size beside the table.
    private const int Width = 480;
    private const int LabelWidth = 170;
    private const int ValueWidth = 80;
    private const int RowHeight = 30;
    private const int BarHeight = 18;
    private const int LegendHeight = 30;
    private const int MaxLabelLength = 24;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <param name="labelledBy">Id of the caption that names the chart.</param>
    /// <param name="scaleMax">The value a full-width bar stands for (100 for percentages); the longest bar when null.</param>
    public static IHtmlContent Render(string labelledBy, IReadOnlyList<ChartBar> bars, double? scaleMax = null, IReadOnlyList<ChartLegendItem>? legend = null)
    {
        var top = legend is { Count: > 0 } ? LegendHeight : 0;
        var height = top + Math.Max(1, bars.Count) * RowHeight + 6;
        var plotWidth = Width - LabelWidth - ValueWidth;
        var max = scaleMax ?? bars.Select(b => b.Segments.Sum(s => s.Value)).DefaultIfEmpty(0).Max();
        if (max <= 0)
        {
            max = 1;
        }

        var svg = new XElement(Svg + "svg",
            new XAttribute("class", "ciudad-chart"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", labelledBy),
            new XAttribute("focusable", "false"),
            new XAttribute("viewBox", $"0 0 {Width} {height}"),
            new XAttribute("width", Width),
            new XAttribute("height", height),
            new XAttribute("font-family", "Source Sans Pro Web, Helvetica Neue, Arial, sans-serif"),
            new XAttribute("font-size", 13));

        if (legend is { Count: > 0 })
        {
            var x = LabelWidth;
            foreach (var item in legend)
            {
                svg.Add(Rect(x, 8, 14, 14, item.Colour, null),
                    Text(x + 20, 20, item.Label, "start"));
                x += 30 + item.Label.Length * 7;
            }
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + i * RowHeight;
            var label = bar.Label.Length > MaxLabelLength ? bar.Label[..(MaxLabelLength - 1)] + "…" : bar.Label;
            svg.Add(Text(LabelWidth - 8, y + 19, label, "end"));
            double x = LabelWidth;
            foreach (var segment in bar.Segments.Where(s => s.Value > 0))
            {
                var width = segment.Value / max * plotWidth;
                // A white gap between stacked segments keeps them apart without relying on colour alone.
                svg.Add(Rect(x, y + 6, Math.Max(width - 1, 1), BarHeight, segment.Colour, segment.Title));
                x += width;
            }
            svg.Add(Text(x + 6, y + 19, bar.ValueText, "start"));
        }
        svg.Add(new XElement(Svg + "line",
            new XAttribute("x1", LabelWidth), new XAttribute("x2", LabelWidth),
            new XAttribute("y1", top), new XAttribute("y2", height - 2),
            new XAttribute("stroke", Colours.Axis), new XAttribute("stroke-width", 1)));
        return new HtmlString(svg.ToString(SaveOptions.DisableFormatting));
    }

    private static XElement Rect(double x, double y, double width, double height, string fill, string? title)
    {
        var rect = new XElement(Svg + "rect",
            new XAttribute("x", Number(x)), new XAttribute("y", Number(y)),
            new XAttribute("width", Number(width)), new XAttribute("height", Number(height)),
            new XAttribute("fill", fill));
        if (title is not null)
        {
            rect.Add(new XElement(Svg + "title", title));
        }
        return rect;
    }

    private static XElement Text(double x, double y, string text, string anchor) =>
        new(Svg + "text",
            new XAttribute("x", Number(x)), new XAttribute("y", Number(y)),
            new XAttribute("text-anchor", anchor), new XAttribute("fill", Colours.Text), text);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
