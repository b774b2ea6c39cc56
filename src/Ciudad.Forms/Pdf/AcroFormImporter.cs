using System.Globalization;
using System.Text;
using Ciudad.Platform.Localization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Ciudad.Forms.Pdf;

/// <summary>A draft definition read from a fillable PDF, and what the import could not carry over.</summary>
internal sealed record FormImport(FormDefinition Definition, IReadOnlyList<string> Warnings);

/// <summary>Why a file could not be imported, said so the person who chose it knows what to do next.</summary>
internal sealed class PdfImportException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Turns a fillable PDF (an AcroForm) into a draft form definition: one page per PDF page that has
/// fields, its fields in reading order (top to bottom, then left to right), each mapped to the
/// nearest field type — text and long text, yes/no and checkboxes, radios, selects, a declaration
/// for a signature. Labels come from the field's tooltip (/TU), else its name made readable, in
/// English only: staff translate in the builder. Push buttons, which do nothing online, are skipped
/// with a warning.
/// </summary>
internal static class AcroFormImporter
{
    private const int KeyLength = 63;

    /// <summary>Fields whose tops are this close (points) read as one line, left to right.</summary>
    private const double SameLine = 6;

    private const uint RequiredFlag = 1 << 1;

    public static FormImport Import(Stream pdf, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var bytes = ReadAll(pdf);
        if (!LooksLikePdf(bytes))
        {
            throw new PdfImportException("This file is not a PDF. Choose the fillable PDF form itself (a file ending in .pdf), or build the form here from scratch.");
        }
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new PdfImportException(e.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase)
                ? "This PDF is protected by a password. Save an unprotected copy (in Acrobat: File › Properties › Security) and import that."
                : "This PDF cannot be read; it may be damaged. Open it in a PDF reader, save a new copy and import that.", e);
        }
        using (document)
        {
            AcroForm? form;
            try
            {
                _ = document.TryGetForm(out form);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new PdfImportException("The fillable fields of this PDF cannot be read; it may be damaged. Open it in a PDF reader, save a new copy and import that.", e);
            }
            if (form is null || form.Fields.Count == 0)
            {
                throw new PdfImportException("This PDF has no fillable fields; it is a printed form, not a fillable one. Make it fillable first (in Acrobat: Tools › Prepare Form) or build the form here from scratch.");
            }
            return new Reader(document, form).Read(Title(document, fileName));
        }
    }

    private static byte[] ReadAll(Stream pdf)
    {
        using var copy = new MemoryStream();
        pdf.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A PDF starts with <c>%PDF-</c>, though readers accept a little junk before it.</summary>
    private static bool LooksLikePdf(byte[] bytes) =>
        bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    private static string Title(PdfDocument document, string? fileName)
    {
        if (document.Information.Title is { } title && !string.IsNullOrWhiteSpace(title))
        {
            return title.Trim();
        }
        var name = Path.GetFileNameWithoutExtension(fileName ?? "");
        return string.IsNullOrWhiteSpace(name) ? "Imported form" : name.Trim();
    }

    /// <summary>One field to ask (a terminal field, or a radio or checkbox group) with where it sits.</summary>
    private sealed record Placed(AcroFieldBase Field, string Name, int? Page, PdfRectangle? Bounds);

    private sealed class Reader(PdfDocument document, AcroForm form)
    {
        private readonly List<string> _warnings = [];
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private Dictionary<(double, double, double, double), int>? _pagesByRectangle;

        public FormImport Read(string title)
        {
            var placed = new List<Placed>();
            foreach (var field in form.Fields)
            {
                Collect(field, "", placed);
            }
            var pages = new List<FormPage>();
            var fieldCount = 0;
            foreach (var onPage in placed.GroupBy(p => p.Page ?? 1).OrderBy(g => g.Key))
            {
                var fields = new List<FormField>();
                foreach (var item in ReadingOrder(onPage))
                {
                    if (Map(item) is not { } field)
                    {
                        continue;
                    }
                    if (fieldCount == FormDefinitionRules.MaxFields)
                    {
                        _warnings.Add(string.Create(CultureInfo.InvariantCulture, $"The form has more than {FormDefinitionRules.MaxFields} fields; only the first {FormDefinitionRules.MaxFields} were imported."));
                        break;
                    }
                    fields.Add(field);
                    fieldCount++;
                }
                if (fields.Count > 0 && pages.Count < FormDefinitionRules.MaxPages)
                {
                    var number = onPage.Key.ToString(CultureInfo.InvariantCulture);
                    pages.Add(new FormPage { Key = "page-" + number, Title = English("Page " + number), Fields = fields });
                }
                if (fieldCount == FormDefinitionRules.MaxFields)
                {
                    break;
                }
            }
            if (pages.Count == 0)
            {
                throw new PdfImportException("This PDF has no fields to fill in (only buttons). Build the form here from scratch.");
            }
            var definition = new FormDefinition { Title = English(title), Pages = pages };
            foreach (var error in FormDefinitionRules.ToSave(definition))
            {
                _warnings.Add($"Check {error.Field} in the builder ({error.Key}).");
            }
            return new FormImport(definition, _warnings);
        }

        /// <summary>Terminal fields and button groups, with the names of their parents before theirs.</summary>
        private void Collect(AcroFieldBase field, string parentName, List<Placed> placed)
        {
            var name = Join(parentName, field.Information.PartialName);
            switch (field)
            {
                case AcroRadioButtonsField or AcroCheckboxesField:
                    var widgets = ((AcroNonTerminalField)field).Children;
                    var top = widgets.Where(w => w.Bounds is not null).OrderByDescending(w => w.Bounds!.Value.Top).ThenBy(w => w.Bounds!.Value.Left).FirstOrDefault();
                    var first = top ?? (widgets.Count > 0 ? widgets[0] : null);
                    placed.Add(new(field, name, first is null ? null : PageOf(first), top?.Bounds));
                    break;
                case AcroNonTerminalField parent:
                    foreach (var child in parent.Children)
                    {
                        Collect(child, name, placed);
                    }
                    break;
                default:
                    placed.Add(new(field, name, PageOf(field), field.Bounds));
                    break;
            }
        }

        private static string Join(string parent, string? partial) =>
            string.IsNullOrWhiteSpace(partial) ? parent : parent.Length == 0 ? partial.Trim() : $"{parent}.{partial.Trim()}";

        /// <summary>The widget's page (/P), else the page whose annotations hold a widget at its rectangle.</summary>
        private int? PageOf(AcroFieldBase field)
        {
            if (field.PageNumber is { } page)
            {
                return page;
            }
            if (field.Bounds is not { } bounds)
            {
                return null;
            }
            _pagesByRectangle ??= WidgetPages();
            return _pagesByRectangle.TryGetValue(Rounded(bounds), out var found) ? found : null;
        }

        private Dictionary<(double, double, double, double), int> WidgetPages()
        {
            var pages = new Dictionary<(double, double, double, double), int>();
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                foreach (var annotation in document.GetPage(number).GetAnnotations())
                {
                    pages.TryAdd(Rounded(annotation.Rectangle), number);
                }
            }
            return pages;
        }

        private static (double, double, double, double) Rounded(PdfRectangle r) =>
            (Math.Round(r.Left, 1), Math.Round(r.Bottom, 1), Math.Round(r.Right, 1), Math.Round(r.Top, 1));

        /// <summary>Top to bottom; fields whose tops are within a few points make one line, read left to right.</summary>
        private static IEnumerable<Placed> ReadingOrder(IEnumerable<Placed> fields)
        {
            var located = fields.Where(f => f.Bounds is not null).OrderByDescending(f => f.Bounds!.Value.Top).ToList();
            var line = new List<Placed>();
            foreach (var field in located)
            {
                if (line.Count > 0 && line[0].Bounds!.Value.Top - field.Bounds!.Value.Top > SameLine)
                {
                    foreach (var inLine in line.OrderBy(f => f.Bounds!.Value.Left))
                    {
                        yield return inLine;
                    }
                    line.Clear();
                }
                line.Add(field);
            }
            foreach (var inLine in line.OrderBy(f => f.Bounds!.Value.Left))
            {
                yield return inLine;
            }
            foreach (var unplaced in fields.Where(f => f.Bounds is null))
            {
                yield return unplaced;
            }
        }

        private FormField? Map(Placed placed)
        {
            var field = placed.Field;
            var label = Label(field, placed.Name);
            var required = (field.FieldFlags & RequiredFlag) != 0;
            switch (field)
            {
                case AcroPushButtonField:
                    _warnings.Add($"Skipped the button \"{label}\": buttons do nothing in an online form.");
                    return null;
                case AcroTextField text:
                    if (text.Flags.HasFlag(AcroTextFieldFlags.FileSelect))
                    {
                        _warnings.Add($"\"{label}\" asks for a file: it is a file question taking PDF, JPG or PNG; check the types in the builder.");
                        return Field(placed, label, FieldType.File, required) with { FileTypes = ["pdf", "jpg", "jpeg", "png"] };
                    }
                    return Field(placed, label, text.IsMultiline ? FieldType.LongText : FieldType.Text, required) with
                    {
                        MaxLength = text.MaxLength is > 0 and var max ? max : null,
                    };
                case AcroCheckboxField:
                    return Field(placed, label, FieldType.YesNo, required);
                case AcroRadioButtonField:
                    _warnings.Add($"\"{label}\" is a single radio button; it became a yes/no question.");
                    return Field(placed, label, FieldType.YesNo, required);
                case AcroCheckboxesField boxes:
                    var boxOptions = ButtonOptions(boxes);
                    return boxOptions.Count switch
                    {
                        0 => Field(placed, label, FieldType.YesNo, required),
                        1 => Field(placed, label, FieldType.YesNo, required),
                        _ => Field(placed, label, FieldType.Checkboxes, required) with { Options = boxOptions },
                    };
                case AcroRadioButtonsField radios:
                    var radioOptions = ButtonOptions(radios);
                    if (radioOptions.Count == 0)
                    {
                        _warnings.Add($"The choices of \"{label}\" have no names; it became a text question: add its options in the builder.");
                        return Field(placed, label, FieldType.Text, required);
                    }
                    return Field(placed, label, FieldType.Radios, required) with { Options = radioOptions };
                case AcroComboBoxField combo:
                    return Choice(placed, label, required, combo.Options, multiple: false);
                case AcroListBoxField list:
                    return Choice(placed, label, required, list.Options, multiple: list.SupportsMultiSelect);
                case AcroSignatureField:
                    return Field(placed, label, FieldType.Declaration, required);
                default:
                    _warnings.Add($"Skipped \"{label}\": a field of a kind that cannot be imported ({field.RawFieldType}).");
                    return null;
            }
        }

        private FormField Choice(Placed placed, string label, bool required, IReadOnlyList<AcroChoiceOption> choices, bool multiple)
        {
            var options = Distinct(choices.Select(o =>
            {
                var value = (o.HasExportValue ? o.ExportValue : o.Name) ?? "";
                return (Value: value.Trim(), Label: string.IsNullOrWhiteSpace(o.Name) ? value.Trim() : o.Name.Trim());
            }));
            if (options.Count == 0)
            {
                _warnings.Add($"\"{label}\" offers no choices in the PDF; it became a text question: add its options in the builder if it needs them.");
                return Field(placed, label, FieldType.Text, required);
            }
            if (multiple)
            {
                _warnings.Add($"\"{label}\" takes several choices; it became checkboxes.");
            }
            return Field(placed, label, multiple ? FieldType.Checkboxes : FieldType.Select, required) with { Options = options };
        }

        /// <summary>A radio or checkbox group's choices: each widget's "on" appearance name, labelled by the group's /Opt when it has one.</summary>
        private List<FieldOption> ButtonOptions(AcroNonTerminalField group)
        {
            var labels = Strings(group.Dictionary, "Opt");
            var choices = new List<(string, string)>();
            for (var i = 0; i < group.Children.Count; i++)
            {
                if (OnState(group.Children[i]) is not { } value)
                {
                    continue;
                }
                var label = i < labels.Count && !string.IsNullOrWhiteSpace(labels[i]) ? labels[i].Trim() : Readable(value);
                choices.Add((value, label));
            }
            return Distinct(choices);
        }

        private static List<FieldOption> Distinct(IEnumerable<(string Value, string Label)> choices) =>
            [.. choices.Where(c => c.Value.Length > 0).DistinctBy(c => c.Value, StringComparer.Ordinal)
                .Select(c => new FieldOption { Value = c.Value, Label = English(c.Label.Length > 0 ? c.Label : c.Value) })];

        /// <summary>The name of a button widget's "on" appearance (its export value): the /AP /N key that is not /Off.</summary>
        private string? OnState(AcroFieldBase widget)
        {
            if (Resolve(Get(widget.Dictionary, "AP")) is DictionaryToken appearances
                && Resolve(Get(appearances, "N")) is DictionaryToken normal)
            {
                var on = normal.Data.Keys.FirstOrDefault(k => !string.Equals(k, "Off", StringComparison.OrdinalIgnoreCase));
                if (on is not null)
                {
                    return on;
                }
            }
            return widget switch
            {
                AcroRadioButtonField { CurrentValue: { } current } when !IsOff(current.Data) => current.Data,
                AcroCheckboxField { CurrentValue: { } value } when !IsOff(value.Data) => value.Data,
                _ => null,
            };
        }

        private static bool IsOff(string state) => string.Equals(state, "Off", StringComparison.OrdinalIgnoreCase);

        private List<string> Strings(DictionaryToken dictionary, string name)
        {
            if (Resolve(Get(dictionary, name)) is not ArrayToken array)
            {
                return [];
            }
            return [.. array.Data.Select(t => Resolve(t) switch
            {
                StringToken s => s.Data,
                HexToken h => h.Data,
                _ => "",
            })];
        }

        private static IToken? Get(DictionaryToken dictionary, string name) =>
            dictionary.Data.TryGetValue(name, out var token) ? token : null;

        private IToken? Resolve(IToken? token)
        {
            for (var hops = 0; token is IndirectReferenceToken reference && hops < 8; hops++)
            {
                token = document.Structure.GetObject(reference.Data)?.Data;
            }
            return token;
        }

        private FormField Field(Placed placed, string label, FieldType type, bool required) => new()
        {
            Key = UniqueKey(placed.Name.Length > 0 ? placed.Name : label),
            Type = type,
            Label = English(label),
            Required = required,
        };

        private string Label(AcroFieldBase field, string name)
        {
            if (field.Information.AlternateName is { } tooltip && !string.IsNullOrWhiteSpace(tooltip))
            {
                return Clean(tooltip);
            }
            var readable = Readable(field.Information.PartialName ?? name);
            if (readable.Length > 0)
            {
                return readable;
            }
            var made = "Field " + (_keys.Count + 1).ToString(CultureInfo.InvariantCulture);
            _warnings.Add($"A field has no name or tooltip; it is called \"{made}\": give it a question in the builder.");
            return made;
        }

        private string UniqueKey(string name)
        {
            var key = Slug(name);
            if (_keys.Add(key))
            {
                return key;
            }
            for (var n = 2; ; n++)
            {
                var suffix = "_" + n.ToString(CultureInfo.InvariantCulture);
                var candidate = key[..Math.Min(key.Length, KeyLength - suffix.Length)] + suffix;
                if (_keys.Add(candidate))
                {
                    return candidate;
                }
            }
        }
    }

    private static LocalizedText English(string text) => LocalizedText.From(("en", text));

    /// <summary>Spaces collapsed, control characters out, at most the length a text may have.</summary>
    private static string Clean(string text)
    {
        var cleaned = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim();
        return cleaned.Length > 4000 ? cleaned[..4000] : cleaned;
    }

    /// <summary>
    /// A key in the definition's format (<c>^[a-z][a-z0-9_-]{0,62}$</c>): lower case, accents off,
    /// anything else an underscore; "field" before one that would start with a digit.
    /// </summary>
    internal static string Slug(string name)
    {
        var plain = new StringBuilder(name.Length);
        foreach (var c in SplitWords(name).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            plain.Append(lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' ? lower : '_');
        }
        var slug = string.Join('_', plain.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries)).Trim('-', '_');
        if (slug.Length == 0)
        {
            slug = "field";
        }
        else if (slug[0] is < 'a' or > 'z')
        {
            slug = "field_" + slug;
        }
        return slug.Length > KeyLength ? slug[..KeyLength].TrimEnd('-', '_') : slug;
    }

    /// <summary>"applicant_first_name" or "applicantFirstName" → "Applicant first name"; words in capitals (ZIP) stay.</summary>
    internal static string Readable(string name)
    {
        var words = SplitWords(name).Split([' ', '_', '-', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > 1 && w.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? w : w.ToLowerInvariant())
            .ToList();
        if (words.Count == 0)
        {
            return "";
        }
        var text = Clean(string.Join(' ', words));
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Spaces between camelCase words: "firstName" → "first Name", "ownerZIPCode" → "owner ZIP Code".</summary>
    private static string SplitWords(string name)
    {
        var split = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])
                && (char.IsLower(name[i - 1]) || (char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                split.Append(' ');
            }
            split.Append(name[i]);
        }
        return split.ToString();
    }
}
