using Ciudad.Forms;
using Ciudad.Forms.Pdf;

namespace Ciudad.Forms.Tests.Pdf;

public sealed class AcroFormImporterTests
{
    private static FormImport Import(byte[] pdf, string? fileName = "permit.pdf")
    {
        using var stream = new MemoryStream(pdf);
        var imported = AcroFormImporter.Import(stream, fileName);
        Assert.Empty(FormDefinitionRules.ToSave(imported.Definition));
        return imported;
    }

    private static FormField Only(FormImport imported) => Assert.Single(Assert.Single(imported.Definition.Pages).Fields);

    [Fact]
    public void Text_fields_become_text_or_long_text_keeping_their_limit_and_required_flag()
    {
        var imported = Import(FillablePdf.Create().Page(p => p
            .Text("applicant_first_name", required: true, maxLength: 40)
            .Text("project_description", tooltip: "Describe the work", multiline: true)).ToBytes());

        var fields = Assert.Single(imported.Definition.Pages).Fields;
        Assert.Equal(("applicant_first_name", FieldType.Text, "Applicant first name", true, (int?)40),
            (fields[0].Key, fields[0].Type, fields[0].Label["en"], fields[0].Required, fields[0].MaxLength));
        Assert.Equal(("project_description", FieldType.LongText, "Describe the work", false, (int?)null),
            (fields[1].Key, fields[1].Type, fields[1].Label["en"], fields[1].Required, fields[1].MaxLength));
        Assert.Equal(["en"], fields[0].Label.Cultures);
    }

    [Fact]
    public void The_tooltip_is_the_label_and_the_name_only_when_there_is_none()
    {
        var fields = Assert.Single(Import(FillablePdf.Create().Page(p => p
            .Text("txtOwnerName", tooltip: "Nombre del dueño  (as on your ID)")
            .Text("ownerZIPCode")).ToBytes()).Definition.Pages).Fields;

        Assert.Equal(["Nombre del dueño (as on your ID)", "Owner ZIP code"], fields.Select(f => f.Label["en"]));
        Assert.Equal(["txt_owner_name", "owner_zip_code"], fields.Select(f => f.Key));
    }

    [Fact]
    public void A_lone_checkbox_is_yes_or_no_and_a_group_of_boxes_is_checkboxes_from_their_export_values()
    {
        var fields = Assert.Single(Import(FillablePdf.Create().Page(p => p
            .Checkbox("neutered", tooltip: "Is the dog neutered?", required: true)
            .Checkboxes("services", "Services wanted", false, "water", "sewer", "trash_pickup")).ToBytes()).Definition.Pages).Fields;

        Assert.Equal((FieldType.YesNo, "Is the dog neutered?", true), (fields[0].Type, fields[0].Label["en"], fields[0].Required));
        Assert.Equal(FieldType.Checkboxes, fields[1].Type);
        Assert.Equal(["water:Water", "sewer:Sewer", "trash_pickup:Trash pickup"], fields[1].Options.Select(o => $"{o.Value}:{o.Label["en"]}"));
    }

    [Fact]
    public void A_radio_group_is_radios_with_its_export_values_labelled_by_its_opt_when_it_has_one()
    {
        var fields = Assert.Single(Import(FillablePdf.Create().Page(p => p
            .Radio("residence", "Type of residence", true, null, "house", "apartment", "mobile_home")
            .Radio("contact", "How should we contact you?", false, ["By phone", "By email"], "0", "1")).ToBytes()).Definition.Pages).Fields;

        Assert.Equal((FieldType.Radios, "residence", true), (fields[0].Type, fields[0].Key, fields[0].Required));
        Assert.Equal(["house:House", "apartment:Apartment", "mobile_home:Mobile home"], fields[0].Options.Select(o => $"{o.Value}:{o.Label["en"]}"));
        Assert.Equal(["0:By phone", "1:By email"], fields[1].Options.Select(o => $"{o.Value}:{o.Label["en"]}"));
    }

    [Fact]
    public void Combo_and_list_boxes_are_selects_with_export_value_as_value_and_display_text_as_label()
    {
        var fields = Assert.Single(Import(FillablePdf.Create().Page(p => p
            .Combo("district", "Council district", true, ("d1", "District 1 — Downtown"), ("d2", "District 2 — Eastside"))
            .List("breed_size", "Size", false, ("s", "Small"), ("l", "Large"))).ToBytes()).Definition.Pages).Fields;

        Assert.Equal((FieldType.Select, true), (fields[0].Type, fields[0].Required));
        Assert.Equal(["d1:District 1 — Downtown", "d2:District 2 — Eastside"], fields[0].Options.Select(o => $"{o.Value}:{o.Label["en"]}"));
        Assert.Equal(FieldType.Select, fields[1].Type);
        Assert.Equal(["s:Small", "l:Large"], fields[1].Options.Select(o => $"{o.Value}:{o.Label["en"]}"));
    }

    [Fact]
    public void A_multiple_choice_list_box_becomes_checkboxes_with_a_warning()
    {
        var imported = Import(FillablePdf.Create().Page(p => p.List("pets", "Pets at home", true, ("dog", "Dog"), ("cat", "Cat"))).ToBytes());

        Assert.Equal(FieldType.Checkboxes, Only(imported).Type);
        Assert.Contains(imported.Warnings, w => w.Contains("Pets at home", StringComparison.Ordinal));
    }

    [Fact]
    public void A_signature_is_a_declaration_and_a_push_button_is_skipped_with_a_warning()
    {
        var imported = Import(FillablePdf.Create().Page(p => p
            .Signature("applicant_signature", "I declare that the information I have given is true", required: true)
            .Button("print_form", "Print")).ToBytes());

        var field = Only(imported);
        Assert.Equal((FieldType.Declaration, "I declare that the information I have given is true", true), (field.Type, field.Label["en"], field.Required));
        Assert.Contains(imported.Warnings, w => w.Contains("Skipped the button \"Print\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_pdf_page_with_fields_is_a_page_read_top_to_bottom_then_left_to_right()
    {
        var imported = Import(FillablePdf.Create("Dog licence application").FieldsListedBackwards()
            .Page(p => p
                .Text("zip", at: (300, 600))
                .Text("city", at: (72, 602))
                .Text("street", at: (72, 650)))
            .Page(_ => { })
            .Page(p => p.Text("phone")).ToBytes());

        var pages = imported.Definition.Pages;
        Assert.Equal(["page-1", "page-3"], pages.Select(p => p.Key));
        Assert.Equal(["street", "city", "zip"], pages[0].Fields.Select(f => f.Key));
        Assert.Equal(["phone"], pages[1].Fields.Select(f => f.Key));
        Assert.Equal("Dog licence application", imported.Definition.Title["en"]);
    }

    [Fact]
    public void Widgets_without_a_page_reference_are_found_on_their_page_by_its_annotations()
    {
        var pages = Import(FillablePdf.Create().WithoutPageReferences()
            .Page(p => p.Text("first"))
            .Page(p => p.Radio("second", null, false, null, "a", "b")).ToBytes()).Definition.Pages;

        Assert.Equal(["page-1:first", "page-2:second"], pages.Select(p => $"{p.Key}:{Assert.Single(p.Fields).Key}"));
    }

    [Fact]
    public void Without_a_title_the_file_name_is_the_title()
    {
        var imported = Import(FillablePdf.Create().Page(p => p.Text("name")).ToBytes(), "Building permit 2024.pdf");

        Assert.Equal("Building permit 2024", imported.Definition.Title["en"]);
    }

    [Fact]
    public void Keys_are_made_valid_and_unique()
    {
        var fields = Assert.Single(Import(FillablePdf.Create().Page(p => p
            .Text("Name")
            .Text("name ")
            .Text("1st Street Número")
            .Text(new string('x', 80))
            .Text(new string('x', 90))).ToBytes()).Definition.Pages).Fields;

        Assert.Equal(["name", "name_2", "field_1st_street_numero", new string('x', 63), new string('x', 61) + "_2"], fields.Select(f => f.Key));
    }

    [Fact]
    public void A_pdf_without_fields_is_refused_with_what_to_do()
    {
        using var stream = new MemoryStream(FillablePdf.Printed());

        var error = Assert.Throws<PdfImportException>(() => AcroFormImporter.Import(stream, "printed.pdf"));

        Assert.StartsWith("This PDF has no fillable fields;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_is_refused_with_what_to_do()
    {
        using var stream = new MemoryStream("name,email\nAna,ana@example.com\n"u8.ToArray());

        var error = Assert.Throws<PdfImportException>(() => AcroFormImporter.Import(stream, "people.csv"));

        Assert.StartsWith("This file is not a PDF.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_pdf_is_refused_with_what_to_do()
    {
        using var stream = new MemoryStream("%PDF-1.7\n1 0 obj << /Type /Catalog"u8.ToArray());

        var error = Assert.Throws<PdfImportException>(() => AcroFormImporter.Import(stream, "broken.pdf"));

        Assert.Contains("cannot be read", error.Message, StringComparison.Ordinal);
    }
}
