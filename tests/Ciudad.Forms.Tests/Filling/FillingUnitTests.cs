using System.Globalization;
using Ciudad.Forms.Filling;
using Ciudad.Forms.Seeding;
using Ciudad.Forms.Submissions;
using Ciudad.Forms.Tests.Consolidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Ciudad.Forms.Tests.Filling;

public sealed class FillingUnitTests
{
    [Theory]
    [InlineData("special-event-parks.json")]
    [InlineData("special-event-streets.json")]
    [InlineData("animal-adoption.json")]
    [InlineData("bulky-item-pickup.json")]
    public void Demo_answers_pass_every_rule_of_their_form_but_the_files_they_do_not_invent(string file)
    {
        var definition = DemoForms.Definition(file);
        for (var seed = 0; seed < 20; seed++)
        {
            var answers = DemoAnswers.For(definition, new Random(seed));
            var errors = AnswerValidator.ValidateForm(definition, answers, CultureInfo.GetCultureInfo("en"));
            Assert.All(errors, e => Assert.Equal("Forms.Error.FileRequired", e.Key));
        }
    }

    [Fact]
    public void A_posted_group_keeps_its_items_in_order_drops_empty_ones_and_closes_up()
    {
        var page = new FormPage
        {
            Key = "home",
            Title = Platform.Localization.LocalizedText.Of("Home", "Hogar"),
            Fields =
            [
                new FormField
                {
                    Key = "pets", Type = FieldType.Group, Label = Platform.Localization.LocalizedText.Of("Pets", "Mascotas"),
                    Fields = [new FormField { Key = "name", Type = FieldType.Text, Label = Platform.Localization.LocalizedText.Of("Name", "Nombre") }],
                },
                new FormField { Key = "notes", Type = FieldType.Text, Label = Platform.Localization.LocalizedText.Of("Notes", "Notas") },
            ],
        };
        var posted = new FormCollection(new Dictionary<string, StringValues>
        {
            ["pets[0].name"] = "Rex",
            ["pets[1].name"] = "",
            ["pets[2].name"] = "Misi\u0000",
            ["pets[x].name"] = "ignored",
            ["notes"] = "  fine  ",
        });

        var answers = PostedAnswers.Read(page, posted);

        Assert.Equal("Rex", answers["pets[0].name"]);
        Assert.Equal("Misi", answers["pets[1].name"]);
        Assert.Equal(2, answers.ItemCount("pets"));
        Assert.Equal("fine", answers["notes"]);

        PostedAnswers.RemoveItem(answers, "pets", 0);
        Assert.Equal("Misi", answers["pets[0].name"]);
        Assert.Equal(1, answers.ItemCount("pets"));
    }

    [Theory]
    [InlineData("f-7k3m-9qpw", "F-7K3M-9QPW")]
    [InlineData("F 7K3M 9QPW", "F-7K3M-9QPW")]
    [InlineData("7K3M9QPW", "F-7K3M-9QPW")]
    [InlineData("F-7K3M-9QP0", "F-7K3M-9QP0")]
    [InlineData("F-7K3M-9QPO", "F-7K3M-9QP0")]
    [InlineData("F-7K3M", null)]
    [InlineData("F-7K3M-9QPU", null)]
    public void References_are_read_as_people_type_them(string typed, string? expected) =>
        Assert.Equal(expected, SubmissionReferences.Normalize(typed));

    [Fact]
    public void New_references_read_back_as_themselves()
    {
        for (var i = 0; i < 200; i++)
        {
            var reference = SubmissionReferences.New();
            Assert.Equal(reference, SubmissionReferences.Normalize(reference));
        }
    }

    [Theory]
    [InlineData("Received", "Approved", true)]
    [InlineData("NeedsInformation", "InReview", true)]
    [InlineData("Approved", "Rejected", false)]
    [InlineData("Rejected", "InReview", true)]
    [InlineData("InReview", "Received", false)]
    public void A_decision_is_never_silently_changed(string from, string to, bool allowed) =>
        Assert.Equal(allowed, SubmissionReview.NextStatuses(Enum.Parse<SubmissionStatus>(from)).Contains(Enum.Parse<SubmissionStatus>(to)));

    [Theory]
    [InlineData("A[0-9]{7}")]
    [InlineData("[A-Z]{2}-\\d{4}")]
    public void Pattern_samples_match_their_pattern(string pattern)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var sample = PatternSample.For(pattern, new Random(seed));
            Assert.Matches("^(?:" + pattern + ")$", sample);
        }
    }
}
