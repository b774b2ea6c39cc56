using System.Globalization;
using Ciudad.Forms;
using Ciudad.Platform.Localization;

namespace Ciudad.Forms.Tests.Definitions;

public sealed class AnswerValidatorTests
{
    private static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es-MX");

    private static FormField Field(string key, FieldType type, bool required = true) =>
        new() { Key = key, Type = type, Label = LocalizedText.Of(key + " label", key + " etiqueta"), Required = required };

    private static FormPage Page(params FormField[] fields) => new() { Key = "p", Title = LocalizedText.Of("P", "P"), Fields = fields };

    private static FormAnswers Answers(params (string Name, string Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, new[] { v.Value })));

    [Fact]
    public void A_missing_required_answer_names_its_input_and_label_in_the_persons_language()
    {
        var errors = AnswerValidator.ValidatePage(Page(Field("dog", FieldType.Text)), Answers(), Spanish);

        var error = Assert.Single(errors);
        Assert.Equal(("dog", "Forms.Error.Required", "dog etiqueta"), (error.Field, error.Key, (string)error.Arguments[0]));
    }

    [Fact]
    public void An_address_names_each_missing_part_and_checks_state_and_zip()
    {
        var errors = AnswerValidator.ValidatePage(Page(Field("home", FieldType.Address)),
            Answers(("home.line1", "1 Civic Center Plaza"), ("home.state", "Texas"), ("home.zip", "7990")), Spanish);

        Assert.Equal(["home.city:Forms.Error.Missing.city", "home.state:Forms.Error.State", "home.zip:Forms.Error.Zip"],
            errors.Select(e => $"{e.Field}:{e.Key}"));
    }

    [Theory]
    [InlineData("31", "2", "2020", "Forms.Error.Date")]
    [InlineData("29", "2", "2024", null)]
    [InlineData("1", "1", "24", "Forms.Error.Date")]
    public void A_memorable_date_must_be_a_real_one(string day, string month, string year, string? expected)
    {
        var errors = AnswerValidator.ValidatePage(Page(Field("born", FieldType.Date)),
            Answers(("born.day", day), ("born.month", month), ("born.year", year)), CultureInfo.InvariantCulture);

        Assert.Equal(expected, errors.SingleOrDefault()?.Key);
    }

    [Fact]
    public void A_hidden_field_is_not_required_and_its_stale_answer_is_dropped()
    {
        var hasDog = Field("has-dog", FieldType.YesNo);
        var dogName = Field("dog-name", FieldType.Text) with { ShowIf = FormCondition.Equal("has-dog", "yes") };
        var definition = new FormDefinition { Title = LocalizedText.Of("T", "T"), Pages = [Page(hasDog, dogName)] };
        var answers = Answers(("has-dog", "no"), ("dog-name", "Rex"));

        Assert.Empty(AnswerValidator.ValidateForm(definition, answers, CultureInfo.InvariantCulture));
        Assert.False(FormConditions.KeepShown(definition, answers).Has("dog-name"));
        Assert.Equal("Forms.Error.Required", AnswerValidator.ValidateForm(definition, Answers(("has-dog", "yes")), CultureInfo.InvariantCulture).Single().Key);
    }

    [Fact]
    public void A_choice_outside_the_options_is_refused()
    {
        var color = Field("color", FieldType.Radios) with { Options = [new() { Value = "red", Label = LocalizedText.Of("Red", "Rojo") }] };

        Assert.Equal("Forms.Error.NotAnOption", AnswerValidator.ValidatePage(Page(color), Answers(("color", "blue")), Spanish).Single().Key);
        Assert.Empty(AnswerValidator.ValidatePage(Page(color), Answers(("color", "red")), Spanish));
    }

    [Fact]
    public void Each_item_of_a_repeating_group_is_checked_under_its_own_name()
    {
        var household = Field("household", FieldType.Group) with { Fields = [Field("name", FieldType.Text), Field("age", FieldType.Number)], MaxItems = 2 };

        var errors = AnswerValidator.ValidatePage(Page(household),
            Answers(("household[0].name", "Ana"), ("household[0].age", "9"), ("household[1].age", "old")), CultureInfo.InvariantCulture);

        Assert.Equal(["household[1].name:Forms.Error.Required", "household[1].age:Forms.Error.Number"], errors.Select(e => $"{e.Field}:{e.Key}"));
    }

    [Fact]
    public void A_pattern_with_its_own_message_says_that_message()
    {
        var permit = Field("permit", FieldType.Text) with { Pattern = "[A-Z]{2}-\\d{4}", PatternMessage = LocalizedText.Of("Like BP-1234", "Como BP-1234") };

        var error = AnswerValidator.ValidatePage(Page(permit), Answers(("permit", "1234")), Spanish).Single();

        Assert.Equal(("Forms.Error.Custom", "Como BP-1234"), (error.Key, (string)error.Arguments[0]));
    }

    [Fact]
    public void The_fee_adds_the_items_whose_condition_holds_and_multiplies_by_a_count()
    {
        var definition = new FormDefinition
        {
            Title = LocalizedText.Of("Dog licence", "Licencia"),
            Pages = [Page(Field("dogs", FieldType.Number), Field("senior", FieldType.YesNo))],
            Fee = new()
            {
                BaseCents = 1000,
                Items =
                [
                    new() { Label = LocalizedText.Of("Per dog", "Por perro"), Cents = 500, PerField = "dogs" },
                    new() { Label = LocalizedText.Of("Senior discount", "Descuento"), Cents = 0, When = FormCondition.Equal("senior", "yes") },
                ],
            },
        };

        Assert.Equal(2500, FeeCalculator.Total(definition, Answers(("dogs", "3"), ("senior", "no"))));
    }
}
