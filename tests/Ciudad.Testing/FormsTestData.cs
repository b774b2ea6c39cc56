using Ciudad.Forms;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Ciudad.Forms.Seeding;
using Ciudad.Forms.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Testing;

/// <summary>Form submissions made through the forms module's own services (the journey itself is tested over HTTP and in browsers).</summary>
internal static class FormsTestData
{
    /// <summary>Submits a published demo form with generated answers (and this email), as if filled in in <paramref name="culture"/>.</summary>
    public static Task<SubmittedForm> SubmitDemoAsync(this CiudadApp app, string slug, string email, string culture = "en", int seed = 1) =>
        app.WithServicesAsync(async sp =>
        {
            var form = await sp.GetRequiredService<FormLibrary>().FindPublishedAsync(slug)
                ?? throw new InvalidOperationException($"No published form '{slug}'.");
            var answers = DemoAnswers.For(form.Definition, new Random(seed));
            answers.Set(form.Definition.AllFields.First(f => f.Type == FieldType.Email).Key, email);
            var (draft, _) = await sp.GetRequiredService<FormDrafts>().StartAsync(form, null, culture, answers);
            var outcome = await sp.GetRequiredService<SubmissionIntake>().SubmitAsync(draft, form, culture, null);
            return outcome.Value ?? throw new InvalidOperationException($"The demo answers were refused: {outcome}");
        });
}
