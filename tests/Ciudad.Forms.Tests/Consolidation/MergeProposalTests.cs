using Ciudad.Forms.Consolidation;
using Ciudad.Platform.Localization;
using static Ciudad.Forms.Tests.Consolidation.DemoForms;

namespace Ciudad.Forms.Tests.Consolidation;

public sealed class MergeProposalTests
{
    [Fact]
    public void The_special_event_applications_merge_into_one_form_that_asks_each_question_once()
    {
        var merged = MergeProposal.Propose([Parks, Streets]);
        var definition = merged.Definition;

        Assert.Empty(FormDefinitionRules.ToSave(definition));
        Assert.Empty(FormDefinitionRules.ToPublish(definition));
        Assert.Equal("Special Event Permit Application", definition.Title.For("en"));
        Assert.Equal(["contact", "event", "documents", "from-special-event-streets"], definition.Pages.Select(p => p.Key));
        Assert.Equal(["close_street", "streets", "traffic_plan"], definition.Pages[^1].Fields.Select(f => f.Key));
        Assert.Equal("Special Event Application (Streets and Maintenance)", definition.Pages[^1].Title.For("en"));
        // 13 questions and one text of the first form, plus the three only the second asks.
        Assert.Equal(17, definition.AllFields.Count());

        var type = definition.Field("event_type")!;
        Assert.Equal(["festival", "concert", "run", "market", "other", "parade", "block_party"], type.Options.Select(o => o.Value));
        var attendance = definition.Field("attendance")!;
        Assert.Equal((1m, 50000m), (attendance.Min, attendance.Max));
        Assert.Equal(2000, definition.Field("description")!.MaxLength);
        Assert.True(definition.Field("mailing_address")!.Required);
        // The condition of the second form now reads the merged key.
        Assert.Equal("close_street", definition.Field("streets")!.ShowIf!.Field);

        var notes = merged.Notes.Select(n => (n.Key, n.Field)).ToList();
        Assert.Contains((MergeNote.Keys.Required, "mailing_address"), notes);
        Assert.Contains((MergeNote.Keys.Options, "event_type"), notes);
        Assert.Contains((MergeNote.Keys.Limits, "attendance"), notes);
        Assert.Contains((MergeNote.Keys.OnlyIn, "traffic_plan"), notes);
        Assert.Contains((MergeNote.Keys.ContentDropped, ""), notes);
        var required = merged.Notes.First(n => n.Key == MergeNote.Keys.Required);
        Assert.Equal("“Mailing address” is required because Special Event Permit Application (Parks and Recreation) requires it.", required.Message);
    }

    [Fact]
    public void A_given_title_is_kept_and_an_english_only_version_gives_way_to_a_bilingual_one()
    {
        static CatalogForm One(string slug, params FormField[] fields) => new(Guid.NewGuid(), slug, LocalizedText.Of(slug, slug), "Dept",
            new FormDefinition { Title = LocalizedText.Of(slug, slug), Pages = [new() { Key = "p", Title = LocalizedText.Of("P", "P"), Fields = fields }] });
        var a = One("a", Field("phone", FieldType.Phone, "Phone number") with { MaxLength = 20 });
        var b = One("b", Field("tel", FieldType.Phone, "Telephone", "Teléfono") with { Required = true, MaxLength = 30 });

        var merged = MergeProposal.Propose([a, b], LocalizedText.Of("Contact", "Contacto"));

        Assert.Equal("Contact", merged.Definition.Title.For("en"));
        var phone = Assert.Single(merged.Definition.AllFields);
        Assert.Equal(("phone", "Teléfono", true, 30), (phone.Key, phone.Label.Exactly("es"), phone.Required, phone.MaxLength));
        Assert.Contains(merged.Notes, n => n.Key == MergeNote.Keys.WordingFrom);
        Assert.Empty(FormDefinitionRules.ToPublish(merged.Definition));
    }

    [Fact]
    public void Keys_stay_unique_and_a_condition_whose_answer_comes_too_late_is_dropped_with_a_note()
    {
        static CatalogForm Form(string slug, params FormPage[] pages) => new(Guid.NewGuid(), slug, LocalizedText.Of(slug, slug), "Dept",
            new FormDefinition { Title = LocalizedText.Of(slug, slug), Pages = pages });
        static FormPage Page(string key, params FormField[] fields) => new() { Key = key, Title = LocalizedText.Of(key, key), Fields = fields };
        var first = Form("first",
            Page("p", Field("pets", FieldType.YesNo, "Do you have pets?", "¿Tiene mascotas?"), Field("notes", FieldType.LongText, "Comments", "Comentarios")));
        var second = Form("second",
            Page("p",
                Field("notes", FieldType.Number, "Number of vehicles", "Número de vehículos"),
                Field("plates", FieldType.Text, "License plates", "Placas") with { ShowIf = new FormCondition { Field = "notes", Op = ConditionOperators.GreaterThan, Value = "0" } },
                Field("remarks", FieldType.LongText, "Comments", "Comentarios") with { ShowIf = FormCondition.Equal("gone", "yes") }));
        // "Comments" of the second form reads a later answer of its own; merged, its first version is unconditional anyway.
        var third = Form("third",
            Page("p", Field("pet", FieldType.YesNo, "Do you have pets?", "¿Tiene mascotas?"), Field("kind", FieldType.Text, "What pets?", "¿Qué mascotas?") with { ShowIf = FormCondition.Equal("pet", "yes") }));

        var merged = MergeProposal.Propose([first, second, third]);
        var definition = merged.Definition;

        Assert.Empty(FormDefinitionRules.ToSave(definition));
        Assert.Equal(["pets", "notes", "notes-2", "plates", "kind"], definition.AllFields.Select(f => f.Key));
        Assert.Equal("notes-2", definition.Field("plates")!.ShowIf!.Field);
        Assert.Equal("pets", definition.Field("kind")!.ShowIf!.Field);
        Assert.Contains(merged.Notes, n => n.Key == MergeNote.Keys.KeyRenamed && n.Field == "notes-2");
        Assert.Contains(merged.Notes, n => n.Key == MergeNote.Keys.ConditionDropped && n.Arguments.Contains("gone"));
        Assert.Null(definition.Field("notes")!.ShowIf);
    }

    [Fact]
    public void The_fee_and_its_conditions_follow_the_merged_keys()
    {
        var bulky = Bulky;
        var copy = bulky with
        {
            Slug = "bulky-copy",
            Definition = bulky.Definition with
            {
                Pages = [.. bulky.Definition.Pages.Select(p => p with { Fields = [.. p.Fields.Select(f => f with { Key = f.Key + "_b", ShowIf = f.ShowIf is null ? null : f.ShowIf with { Field = f.ShowIf.Field + "_b" } })] })],
                Fee = null,
            },
        };

        var merged = MergeProposal.Propose([copy, bulky]);

        Assert.Empty(FormDefinitionRules.ToPublish(merged.Definition));
        Assert.Equal(bulky.Definition.AllFields.Count(), merged.Definition.AllFields.Count());
        Assert.Equal("item_count_b", merged.Definition.Fee!.Items[0].PerField);
        Assert.Equal("refrigerant_b", merged.Definition.Fee.Items[1].When!.Field);
        Assert.Contains(merged.Notes, n => n.Key == MergeNote.Keys.FeeFrom);
    }

    [Fact]
    public void Repeating_groups_merge_their_own_questions()
    {
        var adoption = Adoption;
        var group = adoption.Definition.Field("household")!;
        var other = adoption with
        {
            Slug = "adoption-copy",
            Definition = adoption.Definition with
            {
                Pages = [adoption.Definition.Pages[0] with { Fields = [group with { Fields = [group.Fields[0], Field("age", FieldType.Number, "Age", "Edad")] }] }],
            },
        };

        var merged = MergeProposal.Propose([adoption, other]);

        Assert.Empty(FormDefinitionRules.ToPublish(merged.Definition));
        Assert.Equal(["species", "spayed", "age"], merged.Definition.Field("household")!.Fields.Select(f => f.Key));
        Assert.Contains(merged.Notes, n => n.Key == MergeNote.Keys.GroupFields);
        Assert.All(merged.Notes, n => Assert.DoesNotContain("Forms.Merge", n.Message, StringComparison.Ordinal));
    }
}
