using System.Globalization;
using System.Text.RegularExpressions;
using Ciudad.Forms;
using Ciudad.Forms.Pdf;
using Ciudad.Platform.Localization;
using UglyToad.PdfPig;

namespace Ciudad.Forms.Tests.Pdf;

public sealed class AnswersPdfTests
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-US");

    private static readonly Dictionary<string, string> SpanishCaptions = new()
    {
        [AnswersPdf.Captions.Reference] = "Referencia",
        [AnswersPdf.Captions.Submitted] = "Enviado",
        [AnswersPdf.Captions.Fee] = "Tarifa",
        [AnswersPdf.Captions.Yes] = "Sí",
        [AnswersPdf.Captions.No] = "No",
        [AnswersPdf.Captions.NotAnswered] = "Sin respuesta",
        [AnswersPdf.Captions.Item] = "Elemento {0}",
        [AnswersPdf.Captions.PageOf] = "Página {0} de {1}",
    };

    private static readonly AnswersPdfHeader Header = new("F-2024-000123", new DateTimeOffset(2024, 5, 6, 14, 30, 0, TimeSpan.FromHours(-5)), "Ciudad de Ejemplo");

    private static FormField Field(string key, FieldType type, string en, string es) => new() { Key = key, Type = type, Label = LocalizedText.Of(en, es) };

    private static FieldOption Option(string value, string en, string es) => new() { Value = value, Label = LocalizedText.Of(en, es) };

    private static readonly FormDefinition EveryType = new()
    {
        Title = LocalizedText.Of("Dog licence", "Licencia para perros"),
        Pages =
        [
            new()
            {
                Key = "you",
                Title = LocalizedText.Of("About you", "Sobre usted"),
                Fields =
                [
                    Field("intro", FieldType.Content, "Before you start", "Antes de empezar") with { Body = LocalizedText.Of("Have your papers ready.", "Tenga sus papeles a mano.") },
                    Field("name", FieldType.Name, "Your name", "Su nombre"),
                    Field("birth", FieldType.Date, "Date of birth", "Fecha de nacimiento"),
                    Field("email", FieldType.Email, "Email", "Correo electrónico"),
                    Field("phone", FieldType.Phone, "Phone", "Teléfono"),
                    Field("address", FieldType.Address, "Home address", "Dirección de su casa"),
                    Field("district", FieldType.Select, "District", "Distrito") with { Options = [Option("d1", "Downtown", "Centro"), Option("d2", "Eastside", "Este")] },
                    Field("residence", FieldType.Radios, "Type of home", "Tipo de vivienda") with { Options = [Option("house", "House", "Casa"), Option("apartment", "Apartment", "Apartamento")] },
                    Field("services", FieldType.Checkboxes, "Services", "Servicios") with { Options = [Option("water", "Water", "Agua potable"), Option("trash", "Trash", "Recolección de basura"), Option("sewer", "Sewer", "Alcantarillado")] },
                ],
            },
            new()
            {
                Key = "dogs",
                Title = LocalizedText.Of("Your dogs", "Sus perros"),
                Fields =
                [
                    Field("has_dog", FieldType.YesNo, "Do you have a dog?", "¿Tiene perro?"),
                    Field("dog_name", FieldType.Text, "Dog's name", "Nombre del perro") with { ShowIf = FormCondition.Equal("has_dog", "no") },
                    Field("dogs", FieldType.Number, "How many dogs?", "¿Cuántos perros?"),
                    Field("vaccinated", FieldType.YesNo, "Vaccinated?", "¿Vacunados?"),
                    Field("notes", FieldType.LongText, "Anything else", "Algo más"),
                    Field("certificate", FieldType.File, "Vaccination certificate", "Certificado de vacunación") with { FileTypes = ["pdf"] },
                    Field("household", FieldType.Group, "Household members", "Personas del hogar") with
                    {
                        Fields =
                        [
                            Field("member", FieldType.Name, "Name", "Nombre"),
                            Field("relation", FieldType.Select, "Relation", "Parentesco") with { Options = [Option("child", "Child", "Hijo o hija"), Option("partner", "Partner", "Pareja")] },
                        ],
                    },
                    Field("declaration", FieldType.Declaration, "I declare this is true", "Declaro que esto es verdad"),
                ],
            },
            new()
            {
                Key = "hidden_page",
                Title = LocalizedText.Of("Business", "Negocio"),
                ShowIf = FormCondition.Equal("has_dog", "no"),
                Fields = [Field("business", FieldType.Text, "Business name", "Nombre del negocio")],
            },
        ],
        Fee = new FeeRule
        {
            BaseCents = 1000,
            Items = [new FeeItem { Label = LocalizedText.Of("Per dog", "Por perro"), Cents = 500, PerField = "dogs" }],
        },
    };

    private static FormAnswers EveryAnswer() => new(new Dictionary<string, string[]>
    {
        ["name.given"] = ["Ana"],
        ["name.family"] = ["García"],
        ["birth.day"] = ["27"],
        ["birth.month"] = ["3"],
        ["birth.year"] = ["2007"],
        ["email"] = ["ana@example.com"],
        ["phone"] = ["512 555 0100"],
        ["address.line1"] = ["123 Calle Principal"],
        ["address.line2"] = ["Apto 4"],
        ["address.city"] = ["Austin"],
        ["address.state"] = ["TX"],
        ["address.zip"] = ["78701"],
        ["district"] = ["d2"],
        ["residence"] = ["house"],
        ["services"] = ["water", "sewer"],
        ["has_dog"] = ["yes"],
        ["dog_name"] = ["Firulais"],
        ["dogs"] = ["2"],
        ["vaccinated"] = ["no"],
        ["notes"] = ["Ladra poco.\nSale por la mañana."],
        ["certificate"] = ["files/8f3a/certificado.pdf"],
        ["certificate.name"] = ["certificado-vacunas.pdf"],
        ["household[0].member.given"] = ["Luis"],
        ["household[0].member.family"] = ["García"],
        ["household[0].relation"] = ["child"],
        ["household[1].member.given"] = ["Marta"],
        ["household[1].relation"] = ["partner"],
        ["declaration"] = ["Ana García"],
        ["business"] = ["Peluquería canina"],
    });

    /// <summary>The words of the copy without its page footers, which may fall between a question and its answer.</summary>
    private static string Render(FormDefinition definition, FormAnswers answers) =>
        Regex.Replace(Text(AnswersPdf.Render(definition, answers, Header, Spanish, key => SpanishCaptions[key]), out _), @" F-2024-000123 · Página \d+ de \d+", "");

    /// <summary>The words a reader sees, page after page, one space between them.</summary>
    private static string Text(byte[] pdf, out int pages)
    {
        using var document = PdfDocument.Open(pdf);
        pages = document.NumberOfPages;
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [Fact]
    public void It_lists_each_question_and_its_answer_as_a_person_reads_it_in_their_language()
    {
        var text = Render(EveryType, EveryAnswer());

        Assert.Contains("Ciudad de Ejemplo", text, StringComparison.Ordinal);
        Assert.Contains("Licencia para perros", text, StringComparison.Ordinal);
        Assert.Contains("Referencia: F-2024-000123", text, StringComparison.Ordinal);
        Assert.Contains("Enviado: lunes, 6 de mayo de 2024", text, StringComparison.Ordinal);
        Assert.Contains("Sobre usted", text, StringComparison.Ordinal);
        Assert.Contains("Su nombre Ana García", text, StringComparison.Ordinal);
        Assert.Contains("Fecha de nacimiento martes, 27 de marzo de 2007", text, StringComparison.Ordinal);
        Assert.Contains("Correo electrónico ana@example.com", text, StringComparison.Ordinal);
        Assert.Contains("Dirección de su casa 123 Calle Principal Apto 4 Austin, TX 78701", text, StringComparison.Ordinal);
        Assert.Contains("Distrito Este", text, StringComparison.Ordinal);
        Assert.Contains("Tipo de vivienda Casa", text, StringComparison.Ordinal);
        Assert.Contains("Servicios Agua potable Alcantarillado", text, StringComparison.Ordinal);
        Assert.Contains("¿Tiene perro? Sí", text, StringComparison.Ordinal);
        Assert.Contains("¿Vacunados? No", text, StringComparison.Ordinal);
        Assert.Contains("¿Cuántos perros? 2", text, StringComparison.Ordinal);
        Assert.Contains("Algo más Ladra poco. Sale por la mañana.", text, StringComparison.Ordinal);
        Assert.Contains("Certificado de vacunación certificado-vacunas.pdf", text, StringComparison.Ordinal);
        Assert.Contains("Personas del hogar Elemento 1 Nombre Luis García Parentesco Hijo o hija Elemento 2 Nombre Marta Parentesco Pareja", text, StringComparison.Ordinal);
        Assert.Contains("Declaro que esto es verdad Ana García", text, StringComparison.Ordinal);
        Assert.Contains("Tarifa: $20.00", text, StringComparison.Ordinal);
        Assert.Contains("F-2024-000123 · Página 1 de", Text(AnswersPdf.Render(EveryType, EveryAnswer(), Header, Spanish, key => SpanishCaptions[key]), out _), StringComparison.Ordinal);
        Assert.DoesNotContain("house", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tenga sus papeles", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hidden_field_or_page_and_its_answer_are_left_out()
    {
        var text = Render(EveryType, EveryAnswer());

        Assert.DoesNotContain("Nombre del perro", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Firulais", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Negocio", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Peluquería", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unanswered_question_says_so()
    {
        var answers = EveryAnswer();
        answers.Remove("phone");

        Assert.Contains("Teléfono Sin respuesta", Render(EveryType, answers), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_answer_wraps_onto_the_next_page_without_losing_a_word()
    {
        var words = Enumerable.Range(1, 1500).Select(i => "palabra" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();
        var definition = new FormDefinition
        {
            Title = LocalizedText.Of("Statement", "Declaración"),
            Pages = [new() { Key = "one", Title = LocalizedText.Of("One", "Una"), Fields = [Field("story", FieldType.LongText, "What happened", "Qué pasó")] }],
        };
        var answers = new FormAnswers();
        answers.Set("story", string.Join(' ', words) + " " + new string('x', 300));

        var text = Text(AnswersPdf.Render(definition, answers, Header, Spanish, key => SpanishCaptions[key]), out var pages);

        Assert.True(pages >= 2, $"{pages} page(s)");
        Assert.Equal(words, text.Split(' ').Where(w => w.StartsWith("palabra", StringComparison.Ordinal)));
        Assert.Equal(300, text.Split(' ').Where(w => w.All(c => c == 'x')).Sum(w => w.Length));
        Assert.Contains($"Página {pages} de {pages}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_from_several_threads_at_once_registers_the_fonts_once()
    {
        var copies = Enumerable.Range(0, 4).AsParallel().Select(_ => AnswersPdf.Render(EveryType, EveryAnswer(), Header, Spanish, key => SpanishCaptions[key])).ToList();

        Assert.All(copies, pdf => Assert.Contains("Tarifa: $20.00", Text(pdf, out _), StringComparison.Ordinal));
    }
}
