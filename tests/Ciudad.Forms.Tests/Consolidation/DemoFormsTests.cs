namespace Ciudad.Forms.Tests.Consolidation;

public sealed class DemoFormsTests
{
    public static TheoryData<string> Files() => [.. DemoForms.All.Select(f => f.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_demo_form_ships_in_the_assembly_and_can_be_published(string file)
    {
        var definition = DemoForms.Definition(file);

        Assert.Empty(FormDefinitionRules.ToPublish(definition));
        Assert.Equal(FormDefinitionJson.Write(definition), FormDefinitionJson.Write(FormDefinitionJson.Read(FormDefinitionJson.Write(definition)).Definition!));
    }

    [Fact]
    public void The_demo_forms_use_every_field_type_and_the_pickup_has_a_fee_and_a_condition()
    {
        var all = DemoForms.All.SelectMany(f => DemoForms.Definition(f.File).AllFields).ToList();

        Assert.Empty(Enum.GetValues<FieldType>().Except(all.Select(f => f.Type)));
        var upload = all.First(f => f.Type == FieldType.File);
        Assert.Equal(["pdf", "jpg", "png"], upload.FileTypes);
        Assert.NotNull(upload.MaxFileBytes);

        var pickup = DemoForms.Definition("bulky-item-pickup.json");
        Assert.Contains(pickup.AllFields, f => f.ShowIf is not null);
        var answers = new FormAnswers();
        answers.Set("item_count", "3");
        Assert.Equal(1500 + (3 * 500), FeeCalculator.Total(pickup, answers));
    }
}
