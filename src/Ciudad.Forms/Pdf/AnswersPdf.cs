using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Ciudad.Forms.Pdf;

/// <summary>What the copy of a submission says at its top: its reference, when it was sent (in the city's time), and the city's name.</summary>
internal sealed record AnswersPdfHeader(string Reference, DateTimeOffset SubmittedAt, string CityName);

/// <summary>
/// The PDF copy of a person's answers, their receipt: the form's pages and questions they were
/// shown, each answer as they would read it (option labels, "Sí", a long date, an address on its
/// lines), repeating groups item by item, and the fee. Texts come from the definition in the
/// culture asked for; the page's own words (Reference, Fee…) are captions the caller looks up in
/// the module's string catalog (keys in <see cref="Captions"/>), so this stays a pure function.
/// </summary>
internal static class AnswersPdf
{
    /// <summary>The string-catalog keys of the copy's own words.</summary>
    public static class Captions
    {
        public const string Reference = "Forms.Pdf.Reference";
        public const string Submitted = "Forms.Pdf.Submitted";
        public const string Fee = "Forms.Pdf.Fee";
        public const string Yes = "Forms.Pdf.Yes";
        public const string No = "Forms.Pdf.No";
        public const string NotAnswered = "Forms.Pdf.NotAnswered";

        /// <summary>"Item {0}": a repeating group's item heading.</summary>
        public const string Item = "Forms.Pdf.Item";

        /// <summary>"Page {0} of {1}": the footer.</summary>
        public const string PageOf = "Forms.Pdf.PageOf";
    }

    private static readonly CultureInfo Dollars = CultureInfo.GetCultureInfo("en-US");

    public static byte[] Render(FormDefinition definition, FormAnswers answers, AnswersPdfHeader header, CultureInfo culture, Func<string, string> caption)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(culture);
        ArgumentNullException.ThrowIfNull(caption);
        SystemFontResolver.Register();

        var title = definition.Title.For(culture);
        using var document = new PdfDocument();
        document.Info.Title = $"{title} — {header.Reference}";
        document.Info.Author = header.CityName;
        document.Info.Subject = header.Reference;
        document.Info.CreationDate = header.SubmittedAt.UtcDateTime;
        document.Info.ModificationDate = header.SubmittedAt.UtcDateTime;
        document.Language = culture.Name;
        using (var layout = new Layout(document))
        {
            layout.Write(header.CityName, layout.Small, 0);
            layout.Write(title, layout.Title, 0);
            layout.Space(4);
            layout.Write($"{caption(Captions.Reference)}: {header.Reference}", layout.Regular, 0);
            layout.Write($"{caption(Captions.Submitted)}: {header.SubmittedAt.ToString("f", culture)}", layout.Regular, 0);
            layout.Rule();

            var shown = FormConditions.KeepShown(definition, answers);
            foreach (var page in FormConditions.ShownPages(definition, shown))
            {
                layout.Heading(page.Title.For(culture));
                foreach (var field in page.Fields.Where(f => f.Answers && FormConditions.Holds(f.ShowIf, shown)))
                {
                    Field(layout, field, shown, "", culture, caption, indent: 0);
                }
            }
            if (definition.Fee is not null)
            {
                layout.Rule();
                var total = FeeCalculator.Total(definition, shown) / 100m;
                layout.Write($"{caption(Captions.Fee)}: {total.ToString("C2", Dollars)}", layout.Bold, 0);
            }
        }
        Footers(document, header, caption);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Field(Layout layout, FormField field, FormAnswers answers, string scope, CultureInfo culture, Func<string, string> caption, double indent)
    {
        layout.Label(field.Label.For(culture), indent);
        if (field.Type == FieldType.Group)
        {
            var count = answers.ItemCount(field.Key);
            if (count == 0)
            {
                layout.Write(caption(Captions.NotAnswered), layout.Regular, indent + Layout.Indent);
            }
            for (var i = 0; i < count; i++)
            {
                var itemScope = FormConditions.ItemScope(field.Key, i);
                layout.Label(string.Format(culture, caption(Captions.Item), i + 1), indent + Layout.Indent);
                foreach (var inner in field.Fields.Where(f => f.Answers && FormConditions.Holds(f.ShowIf, answers, itemScope)))
                {
                    Field(layout, inner, answers, itemScope, culture, caption, indent + 2 * Layout.Indent);
                }
            }
            return;
        }
        var lines = Answer(field, answers, scope + field.Key, culture, caption);
        if (lines.Count == 0)
        {
            lines = [caption(Captions.NotAnswered)];
        }
        foreach (var line in lines)
        {
            layout.Write(line, layout.Regular, indent + Layout.Indent);
        }
    }

    /// <summary>The answer as a person reads it, a line per entry; empty when not answered.</summary>
    internal static IReadOnlyList<string> Answer(FormField field, FormAnswers answers, string name, CultureInfo culture, Func<string, string> caption)
    {
        string Part(string part) => answers[$"{name}.{part}"];
        string Option(string value) =>
            field.Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.OrdinalIgnoreCase))?.Label.For(culture) ?? value;
        IReadOnlyList<string> NonEmpty(params string[] lines) => [.. lines.Where(l => !string.IsNullOrWhiteSpace(l))];

        switch (field.Type)
        {
            case FieldType.Select or FieldType.Radios:
                return NonEmpty(answers.Has(name) ? Option(answers[name]) : "");
            case FieldType.Checkboxes:
                return [.. answers.All(name).Where(v => v.Length > 0).Select(Option)];
            case FieldType.YesNo:
                return NonEmpty(answers[name] switch
                {
                    "yes" => caption(Captions.Yes),
                    "no" => caption(Captions.No),
                    var other => other,
                });
            case FieldType.Date:
                var (day, month, year) = (Part(FormAnswers.Parts.Day), Part(FormAnswers.Parts.Month), Part(FormAnswers.Parts.Year));
                if (int.TryParse(day, CultureInfo.InvariantCulture, out var d) && int.TryParse(month, CultureInfo.InvariantCulture, out var m)
                    && int.TryParse(year, CultureInfo.InvariantCulture, out var y) && y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
                {
                    return [new DateOnly(y, m, d).ToString("D", culture)];
                }
                return NonEmpty(string.Join('/', new[] { day, month, year }.Where(p => p.Length > 0)));
            case FieldType.Address:
                var cityLine = string.Join(' ', new[] { string.Join(", ", new[] { Part(FormAnswers.Parts.City), Part(FormAnswers.Parts.State) }.Where(p => p.Length > 0)), Part(FormAnswers.Parts.Zip) }.Where(p => p.Length > 0));
                return NonEmpty(Part(FormAnswers.Parts.Line1), Part(FormAnswers.Parts.Line2), cityLine);
            case FieldType.Name:
                return NonEmpty(string.Join(' ', new[] { Part(FormAnswers.Parts.Given), Part(FormAnswers.Parts.Family) }.Where(p => p.Length > 0)));
            case FieldType.File:
                var fileName = Part(FormAnswers.Parts.FileName);
                return NonEmpty(fileName.Length > 0 ? fileName : answers.Has(name) ? Path.GetFileName(answers[name]) : "");
            case FieldType.Content or FieldType.Group:
                return [];
            default:
                // Text, long text (its lines kept), number, email, phone, and a declaration's typed name.
                return NonEmpty(answers[name]);
        }
    }

    private static void Footers(PdfDocument document, AnswersPdfHeader header, Func<string, string> caption)
    {
        var font = new XFont(SystemFontResolver.Family, 8);
        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = $"{header.Reference} · {string.Format(CultureInfo.InvariantCulture, caption(Captions.PageOf), i + 1, document.PageCount)}";
            graphics.DrawString(text, font, XBrushes.DimGray, new XRect(Layout.Margin, page.Height.Point - Layout.Margin + 12, page.Width.Point - 2 * Layout.Margin, 12), XStringFormats.TopRight);
        }
    }

    /// <summary>Writes lines down the page, wrapping words to the width and starting a new page at the bottom margin.</summary>
    private sealed class Layout : IDisposable
    {
        public const double Margin = 54;
        public const double Indent = 14;

        private readonly PdfDocument _document;
        private XGraphics? _graphics;
        private double _y;
        private double _width;
        private double _bottom;

        public Layout(PdfDocument document)
        {
            _document = document;
            Small = new XFont(SystemFontResolver.Family, 9);
            Regular = new XFont(SystemFontResolver.Family, 10.5);
            Bold = new XFont(SystemFontResolver.Family, 10.5, XFontStyleEx.Bold);
            Title = new XFont(SystemFontResolver.Family, 16, XFontStyleEx.Bold);
            HeadingFont = new XFont(SystemFontResolver.Family, 12.5, XFontStyleEx.Bold);
            NewPage();
        }

        public XFont Small { get; }

        public XFont Regular { get; }

        public XFont Bold { get; }

        public XFont Title { get; }

        private XFont HeadingFont { get; }

        private XGraphics Graphics => _graphics!;

        public void Heading(string text)
        {
            Space(10);
            KeepRoom(LineHeight(HeadingFont) + 2 * LineHeight(Bold));
            Write(text, HeadingFont, 0);
            Space(2);
        }

        /// <summary>A question: bold, kept on the page with the first line of its answer.</summary>
        public void Label(string text, double indent)
        {
            Space(4);
            KeepRoom(LineHeight(Bold) + LineHeight(Regular));
            Write(text, Bold, indent);
        }

        public void Write(string text, XFont font, double indent)
        {
            var height = LineHeight(font);
            foreach (var line in Wrap(text, font, _width - indent))
            {
                KeepRoom(height);
                if (line.Length > 0)
                {
                    Graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin + indent, _y, _width - indent, height), XStringFormats.TopLeft);
                }
                _y += height;
            }
        }

        public void Space(double points) => _y += points;

        public void Rule()
        {
            Space(6);
            KeepRoom(8);
            Graphics.DrawLine(XPens.LightGray, Margin, _y, Margin + _width, _y);
            Space(8);
        }

        public void Dispose() => _graphics?.Dispose();

        private static double LineHeight(XFont font) => font.Size * 1.35;

        private void KeepRoom(double height)
        {
            if (_y + height > _bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = _document.AddPage();
            page.Size = PdfSharp.PageSize.Letter;
            _graphics = XGraphics.FromPdfPage(page);
            _width = page.Width.Point - 2 * Margin;
            _bottom = page.Height.Point - Margin;
            _y = Margin;
        }

        /// <summary>The text's lines (its own line breaks kept) wrapped at spaces; a word wider than the line is broken.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Fits(candidate, font, width))
                    {
                        line = candidate;
                        continue;
                    }
                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }
                    line = word;
                    while (!Fits(line, font, width) && line.Length > 1)
                    {
                        var cut = line.Length - 1;
                        while (cut > 1 && !Fits(line[..cut], font, width))
                        {
                            cut--;
                        }
                        lines.Add(line[..cut]);
                        line = line[cut..];
                    }
                }
                lines.Add(line);
            }
            return lines;
        }

        private bool Fits(string text, XFont font, double width) => Graphics.MeasureString(text, font).Width <= width;
    }
}
