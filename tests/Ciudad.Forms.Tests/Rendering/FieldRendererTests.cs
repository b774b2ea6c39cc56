using System.Globalization;
using AngleSharp.Html.Parser;
using Ciudad.Forms.Rendering;
using Ciudad.Forms.Seeding;
using Ciudad.Forms.Tests.Consolidation;

namespace Ciudad.Forms.Tests.Rendering;

public sealed class FieldRendererTests
{
    private static RenderContext Context(FormAnswers answers, Dictionary<string, string>? errors = null, string culture = "en") =>
        new(answers, errors ?? [], CultureInfo.GetCultureInfo(culture), key => "[" + key + "]");

    [Fact]
    public void Every_input_has_a_label_and_answers_show_in_their_inputs()
    {
        var definition = DemoForms.Definition("animal-adoption.json");
        var answers = DemoAnswers.For(definition, new Random(3));
        var html = FieldRenderer.Render(definition.Pages.SelectMany(p => p.Fields), Context(answers));
        var document = new HtmlParser().ParseDocument(html);

        foreach (var input in document.QuerySelectorAll("input:not([type=hidden]), select, textarea"))
        {
            var id = input.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), input.OuterHtml);
            Assert.NotNull(document.QuerySelector($"label[for='{id}']"));
        }
        Assert.Equal(answers["adopter_name.given"], document.QuerySelector("#adopter_name-given")!.GetAttribute("value"));
        Assert.Equal("given-name", document.QuerySelector("#adopter_name-given")!.GetAttribute("autocomplete"));
        Assert.NotNull(document.QuerySelector($"input[name=housing][value='{answers["housing"]}'][checked]"));
        Assert.Equal(document.QuerySelectorAll("[id]").Length, document.QuerySelectorAll("[id]").Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void An_error_is_shown_beside_its_input_and_read_with_it()
    {
        var definition = DemoForms.Definition("animal-adoption.json");
        var errors = new Dictionary<string, string> { ["phone"] = "Enter a phone number", ["home_address.zip"] = "Enter a ZIP code" };
        var html = FieldRenderer.Render(definition.Pages[0].Fields, Context(new FormAnswers(), errors));
        var document = new HtmlParser().ParseDocument(html);

        var phone = document.QuerySelector("#phone")!;
        Assert.Equal("true", phone.GetAttribute("aria-invalid"));
        Assert.Contains("phone-error", phone.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Enter a phone number", document.QuerySelector("#phone-error")!.TextContent);
        var zip = document.QuerySelector("#home_address-zip")!;
        Assert.Contains("home_address-zip-error", zip.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("#home_address-city")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public void Inside_a_repeating_group_the_browser_is_not_asked_to_fill_in_the_persons_own_details()
    {
        var definition = DemoForms.Definition("animal-adoption.json");
        var group = definition.AllFields.Single(f => f.Type == FieldType.Group);
        var html = FieldRenderer.Render([group], Context(new FormAnswers()));
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("[name^='household['][autocomplete]"));
        Assert.NotNull(document.QuerySelector("button[name=addItem][value=household]"));
    }
}
