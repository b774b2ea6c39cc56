using Ciudad.Forms.Consolidation;
using Ciudad.Platform.Localization;
using static Ciudad.Forms.Tests.Consolidation.DemoForms;

namespace Ciudad.Forms.Tests.Consolidation;

public sealed class SimilarityTests
{
    [Theory]
    [InlineData("Please enter your phone number", "phone")]
    [InlineData("Teléfono", "phone")]
    [InlineData("Su número de teléfono", "phone")]
    [InlineData("E-mail", "email")]
    [InlineData("Correo electrónico", "email")]
    [InlineData("Postal code", "zip")]
    [InlineData("Given name", "givenname")]
    [InlineData("Surname", "familyname")]
    [InlineData("Mailing address", "address")]
    [InlineData("DOB", "birthdate")]
    [InlineData("Fecha de nacimiento", "birthdate")]
    [InlineData("Number of attendees", "attendance")]
    [InlineData("Permits", "permit")]
    public void Labels_normalize_in_both_languages(string label, string expected) =>
        Assert.Equal(expected, string.Join(' ', LabelNormalizer.Tokens(label)));

    [Theory]
    [InlineData(FieldType.Phone, "Teléfono", FieldType.Phone, "Phone", true)]
    [InlineData(FieldType.Text, "Fecha de nacimiento", FieldType.Date, "Date of birth", true)]
    [InlineData(FieldType.Text, "Correo electrónico", FieldType.Email, "Email address", true)]
    [InlineData(FieldType.Text, "Event name", FieldType.LongText, "Name of the event", true)]
    [InlineData(FieldType.Text, "Comments", FieldType.Email, "Email", false)]
    [InlineData(FieldType.Text, "Event name", FieldType.Number, "Event name", false)]
    [InlineData(FieldType.Text, "Event name", FieldType.Text, "Animal ID", false)]
    public void Fields_match_on_label_and_compatible_type(FieldType typeA, string labelA, FieldType typeB, string labelB, bool match)
    {
        var vocabulary = new Vocabulary();
        var a = FieldProfile.Of(Field("a", typeA, labelA), vocabulary);
        var b = FieldProfile.Of(Field("b", typeB, labelB), vocabulary);

        Assert.Equal(match, FieldSimilarity.Score(a, b, vocabulary) >= FieldSimilarity.MatchThreshold);
    }

    [Fact]
    public void Option_overlap_raises_or_lowers_a_choice_field_score()
    {
        var vocabulary = new Vocabulary();
        FieldProfile Choice(string key, string label, params string[] options) => FieldProfile.Of(
            Field(key, FieldType.Select, label) with { Options = [.. options.Select(o => new FieldOption { Value = o.ToLowerInvariant(), Label = LocalizedText.From(("en", o)) })] },
            vocabulary);
        var parks = Choice("a", "Type of event", "Festival", "Concert", "Run");

        var same = FieldSimilarity.Score(parks, Choice("b", "Event type", "Festival", "Concert", "Run"), vocabulary);
        var some = FieldSimilarity.Score(parks, Choice("c", "Event type", "Festival", "Parade", "Run"), vocabulary);
        var none = FieldSimilarity.Score(parks, Choice("d", "Event type", "Dog", "Cat"), vocabulary);

        Assert.Equal(1, same);
        Assert.InRange(some, FieldSimilarity.MatchThreshold, same - 0.01);
        Assert.InRange(none, FieldSimilarity.MatchThreshold, some - 0.01);
    }

    [Fact]
    public void The_two_special_event_applications_pair_with_their_shared_and_differing_fields()
    {
        var report = ConsolidationReport.Build([Parks, Streets, Adoption, Bulky]);

        var pair = Assert.Single(report.Pairs);
        Assert.Equal(("special-event-parks", "special-event-streets"), (pair.A.Slug, pair.B.Slug));
        Assert.InRange(pair.Score, 0.6, 1);
        Assert.Equal(
            [
                "organizer_name~applicant_name", "organization~organization", "phone~telephone", "email~email", "mailing_address~address",
                "event_name~event_name", "event_type~event_type", "event_date~event_date", "attendance~attendees",
                "description~event_description", "declaration~certification",
            ],
            pair.SharedFields.Select(m => $"{m.KeyA}~{m.KeyB}"));
        Assert.All(pair.SharedFields, m => Assert.InRange(m.Score, FieldSimilarity.MatchThreshold, 1));
        Assert.Equal(["park", "insurance"], pair.OnlyInA);
        Assert.Equal(["close_street", "streets", "traffic_plan"], pair.OnlyInB);
        var cluster = Assert.Single(report.Clusters);
        Assert.Equal(2, cluster.Forms.Count);
        Assert.Equal(pair.Score, cluster.AverageScore);
    }

    [Fact]
    public void Spanish_only_labels_match_their_english_synonyms()
    {
        static CatalogForm Contact(string slug, string title, params FormField[] fields) => new(Guid.NewGuid(), slug, LocalizedText.From(("en", title)), "Dept",
            new FormDefinition { Title = LocalizedText.From(("en", title)), Pages = [new() { Key = "p", Title = LocalizedText.From(("en", "P")), Fields = fields }] });
        var english = Contact("en", "Contact form",
            Field("phone", FieldType.Phone, "Phone"), Field("mail", FieldType.Email, "Email address"), Field("born", FieldType.Date, "Date of birth"), Field("zip", FieldType.Text, "ZIP code"));
        var spanish = Contact("es", "Formulario de contacto",
            new FormField { Key = "tel", Type = FieldType.Phone, Label = LocalizedText.From(("es", "Teléfono")) },
            new FormField { Key = "correo", Type = FieldType.Text, Label = LocalizedText.From(("es", "Correo electrónico")) },
            new FormField { Key = "nacimiento", Type = FieldType.Date, Label = LocalizedText.From(("es", "Fecha de nacimiento")) },
            new FormField { Key = "cp", Type = FieldType.Text, Label = LocalizedText.From(("es", "Código postal")) });

        var pair = Assert.Single(ConsolidationReport.Build([english, spanish]).Pairs);

        Assert.Equal(["phone~tel", "mail~correo", "born~nacimiento", "zip~cp"], pair.SharedFields.Select(m => $"{m.KeyA}~{m.KeyB}"));
    }

    [Fact]
    public void A_catalog_of_500_forms_finds_its_planted_near_copies_and_skips_most_pairs()
    {
        var random = new Random(311);
        var words = Enumerable.Range(0, 3000).Select(i => Word(random)).Distinct(StringComparer.Ordinal).ToArray();
        var types = new[] { FieldType.Text, FieldType.LongText, FieldType.Number, FieldType.Date, FieldType.YesNo, FieldType.Email, FieldType.Phone };
        CatalogForm Make(int n, IReadOnlyList<FormField> fields) => new(Guid.NewGuid(), $"form-{n}", LocalizedText.Of($"Form {words[n]}", $"Formulario {words[n]}"), $"Dept {n % 20}",
            new FormDefinition { Title = LocalizedText.Of($"Form {words[n]}", $"Formulario {words[n]}"), Pages = [new() { Key = "p", Title = LocalizedText.Of("P", "P"), Fields = fields }] });
        var forms = new List<CatalogForm>();
        var planted = new List<(int, int)>();
        for (var n = 0; n < 500; n++)
        {
            if (n % 10 == 9)
            {
                // A near-copy of the form before it: two fields dropped, the labels reworded a little.
                var original = forms[n - 1].Definition.Pages[0].Fields;
                var copy = original.Skip(2).Select(f => f with { Key = f.Key + "-copy", Label = LocalizedText.Of("Please enter your " + f.Label.For("en"), "Su " + f.Label.For("es")) }).ToList();
                forms.Add(Make(n, copy) with { Title = forms[n - 1].Title });
                planted.Add((n - 1, n));
                continue;
            }
            var fields = Enumerable.Range(0, 30).Select(i =>
            {
                var label = $"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}";
                return new FormField { Key = $"f{i}", Type = types[random.Next(types.Length)], Label = LocalizedText.Of(label, label) };
            }).ToList();
            forms.Add(Make(n, fields));
        }

        var report = ConsolidationReport.Build(forms);

        var found = report.Pairs.Select(p => (forms.IndexOf(p.A), forms.IndexOf(p.B))).ToHashSet();
        Assert.Equal(50, planted.Count);
        Assert.All(planted, p => Assert.Contains(p, found));
        Assert.Equal(planted.Count, report.Pairs.Count);
        Assert.Equal(50, report.Clusters.Count);
        Assert.Equal(500 * 499 / 2, report.ComparedPairs + report.SkippedPairs);
        Assert.True(report.SkippedPairs > report.ComparedPairs * 10, $"{report.ComparedPairs} compared, {report.SkippedPairs} skipped");
    }

    private static string Word(Random random) =>
        new([.. Enumerable.Range(0, random.Next(5, 9)).Select(_ => (char)('a' + random.Next(26)))]);
}
