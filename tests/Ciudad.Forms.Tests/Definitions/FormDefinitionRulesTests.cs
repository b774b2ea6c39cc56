using Ciudad.Forms;
using Ciudad.Platform.Localization;

namespace Ciudad.Forms.Tests.Definitions;

public sealed class FormDefinitionRulesTests
{
    private static FormDefinition WithFields(params FormField[] fields) => new()
    {
        Title = LocalizedText.Of("Title", "Título"),
        Pages = [new() { Key = "one", Title = LocalizedText.Of("One", "Uno"), Fields = fields }],
    };

    [Fact]
    public void A_condition_must_read_an_earlier_answer()
    {
        var definition = WithFields(
            new FormField { Key = "later", Type = FieldType.Text, Label = LocalizedText.Of("L", "L"), ShowIf = FormCondition.Equal("first", "yes") },
            new FormField { Key = "first", Type = FieldType.YesNo, Label = LocalizedText.Of("F", "F") });

        var error = Assert.Single(FormDefinitionRules.ToSave(definition));
        Assert.Equal(("pages[0].fields[0].showIf.field", "Forms.Definition.ConditionField"), (error.Field, error.Key));
    }

    [Fact]
    public void A_draft_may_be_english_only_but_publishing_needs_spanish()
    {
        var definition = WithFields(new FormField { Key = "name", Type = FieldType.Text, Label = LocalizedText.From(("en", "Name")) });

        Assert.Empty(FormDefinitionRules.ToSave(definition));
        var error = Assert.Single(FormDefinitionRules.ToPublish(definition));
        Assert.Equal(("pages[0].fields[0].label", "Forms.Definition.Untranslated", "es"), (error.Field, error.Key, (string)error.Arguments[0]));
    }

    [Fact]
    public void Keys_are_unique_and_choice_questions_have_options()
    {
        var definition = WithFields(
            new FormField { Key = "pick", Type = FieldType.Select, Label = LocalizedText.Of("P", "P") },
            new FormField { Key = "pick", Type = FieldType.Text, Label = LocalizedText.Of("P", "P") });

        Assert.Equal(["pages[0].fields[0].options:Forms.Definition.NoOptions", "pages[0].fields[1].key:Forms.Definition.KeyTaken"],
            FormDefinitionRules.ToSave(definition).Select(e => $"{e.Field}:{e.Key}"));
    }

    [Fact]
    public void The_json_round_trips_and_a_misspelt_rule_is_refused_by_name()
    {
        var definition = WithFields(new FormField { Key = "age", Type = FieldType.Number, Label = LocalizedText.Of("Age", "Edad"), Required = true, Min = 0, Max = 130 });

        var json = FormDefinitionJson.Write(definition);
        var (read, error) = FormDefinitionJson.Read(json);

        Assert.Null(error);
        Assert.Equal(json, FormDefinitionJson.Write(read!));
        Assert.DoesNotContain("options", json, StringComparison.Ordinal);
        var (_, misspelt) = FormDefinitionJson.Read(json.Replace("\"required\"", "\"requird\"", StringComparison.Ordinal));
        Assert.Contains("requird", misspelt, StringComparison.Ordinal);
    }
}
