using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Ciudad.Forms.Tests.Pdf;

/// <summary>
/// Makes real fillable PDFs (AcroForm fields and their widgets) for tests, with PDFsharp's
/// low-level objects: <c>FillablePdf.Create("Dog licence").Page(p => p.Text("owner_name",
/// tooltip: "Owner's name", required: true).Checkbox("neutered")).ToBytes()</c>. Fields are laid
/// out down the page in the order given unless placed with <c>at:</c> (x, y from the bottom left).
/// </summary>
internal sealed class FillablePdf
{
    private const int Required = 1 << 1;
    private const int Multiline = 1 << 12;
    private const int RadioFlag = 1 << 15;
    private const int PushButton = 1 << 16;
    private const int ComboFlag = 1 << 17;
    private const int MultiSelect = 1 << 21;

    private readonly string? _title;
    private readonly List<Action<FieldPage>> _pages = [];
    private bool _pageReferences = true;
    private bool _reverseFields;

    private FillablePdf(string? title) => _title = title;

    public static FillablePdf Create(string? title = null) => new(title);

    public FillablePdf Page(Action<FieldPage> build)
    {
        _pages.Add(build);
        return this;
    }

    /// <summary>Widgets without /P, as some producers write them: the page is found from its /Annots.</summary>
    public FillablePdf WithoutPageReferences()
    {
        _pageReferences = false;
        return this;
    }

    /// <summary>The /Fields array in the reverse of the order the fields were given.</summary>
    public FillablePdf FieldsListedBackwards()
    {
        _reverseFields = true;
        return this;
    }

    public byte[] ToBytes()
    {
        using var document = new PdfDocument();
        if (_title is not null)
        {
            document.Info.Title = _title;
        }
        var fields = new List<PdfDictionary>();
        foreach (var build in _pages)
        {
            var page = document.AddPage();
            var annotations = new PdfArray(document);
            page.Elements["/Annots"] = annotations;
            build(new FieldPage(document, page, annotations, fields, _pageReferences));
        }
        if (_reverseFields)
        {
            fields.Reverse();
        }
        var form = new PdfDictionary(document);
        var list = new PdfArray(document);
        foreach (var field in fields)
        {
            list.Elements.Add(field.Reference!);
        }
        form.Elements["/Fields"] = list;
        document.Internals.AddObject(form);
        document.Internals.Catalog.Elements["/AcroForm"] = form.Reference!;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>A PDF page with text on it and no form at all.</summary>
    public static byte[] Printed(string text = "Fill in with a pen")
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        var content = new PdfDictionary(document);
        content.CreateStream(System.Text.Encoding.ASCII.GetBytes($"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"));
        document.Internals.AddObject(content);
        page.Elements["/Contents"] = content.Reference!;
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    internal sealed class FieldPage(PdfDocument document, PdfPage page, PdfArray annotations, List<PdfDictionary> fields, bool pageReferences)
    {
        private double _y = 740;

        public FieldPage Text(string name, string? tooltip = null, bool required = false, bool multiline = false, int? maxLength = null, (double X, double Y)? at = null)
        {
            var field = Widget(name, tooltip, "/Tx", (required ? Required : 0) | (multiline ? Multiline : 0), at, width: 200);
            if (maxLength is { } max)
            {
                field.Elements.SetInteger("/MaxLen", max);
            }
            return Add(field);
        }

        /// <summary>A lone checkbox whose "on" state is <paramref name="exportValue"/>.</summary>
        public FieldPage Checkbox(string name, string? tooltip = null, bool required = false, string exportValue = "Yes", (double X, double Y)? at = null)
        {
            var field = Widget(name, tooltip, "/Btn", required ? Required : 0, at, width: 12);
            Appearance(field, exportValue);
            return Add(field);
        }

        /// <summary>Several boxes under one name (a parent field with a widget per box), one export value each.</summary>
        public FieldPage Checkboxes(string name, string? tooltip = null, bool required = false, params string[] exportValues) =>
            Group(name, tooltip, "/Btn", required ? Required : 0, exportValues, labels: null);

        /// <summary>A radio group; <paramref name="labels"/>, when given, go in the group's /Opt.</summary>
        public FieldPage Radio(string name, string? tooltip = null, bool required = false, string[]? labels = null, params string[] exportValues) =>
            Group(name, tooltip, "/Btn", RadioFlag | (required ? Required : 0), exportValues, labels);

        public FieldPage Combo(string name, string? tooltip = null, bool required = false, params (string Export, string Display)[] options) =>
            Choice(name, tooltip, ComboFlag | (required ? Required : 0), options);

        public FieldPage List(string name, string? tooltip = null, bool multiple = false, params (string Export, string Display)[] options) =>
            Choice(name, tooltip, multiple ? MultiSelect : 0, options);

        public FieldPage Signature(string name, string? tooltip = null, bool required = false) =>
            Add(Widget(name, tooltip, "/Sig", required ? Required : 0, at: null, width: 200));

        public FieldPage Button(string name, string? tooltip = null) =>
            Add(Widget(name, tooltip, "/Btn", PushButton, at: null, width: 60));

        private FieldPage Choice(string name, string? tooltip, int flags, (string Export, string Display)[] options)
        {
            var field = Widget(name, tooltip, "/Ch", flags, at: null, width: 150);
            var opt = new PdfArray(document);
            foreach (var (export, display) in options)
            {
                opt.Elements.Add(new PdfArray(document, new PdfString(export), Str(display)));
            }
            field.Elements["/Opt"] = opt;
            return Add(field);
        }

        private FieldPage Group(string name, string? tooltip, string type, int flags, string[] exportValues, string[]? labels)
        {
            var parent = new PdfDictionary(document);
            parent.Elements.SetName("/FT", type);
            parent.Elements["/T"] = Str(name);
            if (tooltip is not null)
            {
                parent.Elements["/TU"] = Str(tooltip);
            }
            parent.Elements.SetInteger("/Ff", flags);
            if (labels is not null)
            {
                var opt = new PdfArray(document);
                foreach (var label in labels)
                {
                    opt.Elements.Add(Str(label));
                }
                parent.Elements["/Opt"] = opt;
            }
            document.Internals.AddObject(parent);
            var kids = new PdfArray(document);
            var x = 72.0;
            foreach (var value in exportValues)
            {
                var kid = new PdfDictionary(document);
                kid.Elements.SetName("/Type", "/Annot");
                kid.Elements.SetName("/Subtype", "/Widget");
                kid.Elements["/Parent"] = parent.Reference!;
                kid.Elements.SetRectangle("/Rect", new PdfRectangle(new PdfSharp.Drawing.XPoint(x, _y), new PdfSharp.Drawing.XPoint(x + 12, _y + 12)));
                if (pageReferences)
                {
                    kid.Elements["/P"] = page.Reference!;
                }
                Appearance(kid, value);
                document.Internals.AddObject(kid);
                annotations.Elements.Add(kid.Reference!);
                kids.Elements.Add(kid.Reference!);
                x += 80;
            }
            parent.Elements["/Kids"] = kids;
            fields.Add(parent);
            _y -= 40;
            return this;
        }

        /// <summary>A field and its widget in one dictionary, as most forms have them.</summary>
        private PdfDictionary Widget(string name, string? tooltip, string type, int flags, (double X, double Y)? at, double width)
        {
            var (x, y) = at ?? (72, _y);
            if (at is null)
            {
                _y -= 40;
            }
            var field = new PdfDictionary(document);
            field.Elements.SetName("/Type", "/Annot");
            field.Elements.SetName("/Subtype", "/Widget");
            field.Elements.SetName("/FT", type);
            field.Elements["/T"] = Str(name);
            if (tooltip is not null)
            {
                field.Elements["/TU"] = Str(tooltip);
            }
            if (flags != 0)
            {
                field.Elements.SetInteger("/Ff", flags);
            }
            field.Elements.SetRectangle("/Rect", new PdfRectangle(new PdfSharp.Drawing.XPoint(x, y), new PdfSharp.Drawing.XPoint(x + width, y + 20)));
            if (pageReferences)
            {
                field.Elements["/P"] = page.Reference!;
            }
            return field;
        }

        private FieldPage Add(PdfDictionary field)
        {
            document.Internals.AddObject(field);
            annotations.Elements.Add(field.Reference!);
            fields.Add(field);
            return this;
        }

        /// <summary>/AP /N with an "on" state named <paramref name="onState"/> and /Off, as checkboxes and radios have.</summary>
        private void Appearance(PdfDictionary widget, string onState)
        {
            var normal = new PdfDictionary(document);
            normal.Elements["/" + onState] = Stream().Reference!;
            normal.Elements["/Off"] = Stream().Reference!;
            var appearances = new PdfDictionary(document);
            appearances.Elements["/N"] = normal;
            widget.Elements["/AP"] = appearances;
            widget.Elements.SetName("/AS", "/Off");
        }

        private PdfDictionary Stream()
        {
            var stream = new PdfDictionary(document);
            stream.Elements.SetName("/Type", "/XObject");
            stream.Elements.SetName("/Subtype", "/Form");
            stream.Elements["/BBox"] = new PdfArray(document, new PdfInteger(0), new PdfInteger(0), new PdfInteger(12), new PdfInteger(12));
            stream.CreateStream([]);
            document.Internals.AddObject(stream);
            return stream;
        }

        private static PdfString Str(string text) =>
            text.All(c => c < 128) ? new PdfString(text) : new PdfString(text, PdfStringEncoding.Unicode);
    }
}
