using System.Globalization;
using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Ciudad.Forms.Submissions;
using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Files;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms.Seeding;

/// <summary>
/// The demo's forms: four published bilingual forms of four departments (two of them near-copies,
/// the special-event applications of Parks and of Streets, for the consolidation report), a draft,
/// and submissions in every review status so the inbox has work in it. Runs once: skipped when any
/// form exists.
/// </summary>
internal sealed class FormsDemoData(CiudadDbContext db, FormLibrary library, FormFiles files, TimeProvider clock, ILogger<FormsDemoData> logger) : IDemoDataContributor
{
    public int Order => 40;

    private static readonly (string Resource, string Slug, string Department, string PurposeEn, string PurposeEs)[] Published =
    [
        ("special-event-parks", "special-event-parks", "parks-and-recreation",
            "Hold a festival, concert, run or market in a city park.", "Realice un festival, concierto, carrera o mercado en un parque de la ciudad."),
        ("special-event-streets", "street-event-permit", "streets-and-maintenance",
            "Close a street for a parade, block party or race.", "Cierre una calle para un desfile, fiesta de cuadra o carrera."),
        ("animal-adoption", "animal-adoption", "animal-services",
            "Apply to adopt a dog or cat from the shelter.", "Solicite adoptar un perro o gato del refugio."),
        ("bulky-item-pickup", "bulky-item-pickup", "environmental-services",
            "Schedule a pickup of furniture, appliances and other large items.", "Programe la recolección de muebles, electrodomésticos y otros artículos grandes."),
    ];

    private static readonly SubmissionStatus[] Cycle =
        [SubmissionStatus.Received, SubmissionStatus.InReview, SubmissionStatus.NeedsInformation, SubmissionStatus.Approved, SubmissionStatus.Rejected];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Forms().AnyAsync(cancellationToken))
        {
            return;
        }
        var departments = await db.Set<Department>().ToDictionaryAsync(d => d.Slug, d => d.Id, cancellationToken);
        var random = new Random(311);
        foreach (var (resource, slug, department, purposeEn, purposeEs) in Published)
        {
            if (!departments.TryGetValue(department, out var departmentId))
            {
                continue;
            }
            var definition = Load(resource);
            var form = (await library.CreateAsync(definition, slug, departmentId, FormAudience.Public, 365 * 3, LocalizedText.Of(purposeEn, purposeEs), cancellationToken)).Value!;
            var version = (await library.PublishAsync(form.Id, null, cancellationToken)).Value!;
            await SubmissionsAsync(form, version, definition, random, cancellationToken);
        }
        if (departments.TryGetValue("environmental-services", out var environmental))
        {
            // A draft nobody has published yet: the builder's and the catalog's "not live" case.
            var draft = Load("bulky-item-pickup") with
            {
                Title = LocalizedText.Of("Brush and yard waste collection", "Recolección de ramas y desechos de jardín"),
            };
            await library.CreateAsync(draft, "brush-collection", environmental, FormAudience.Public, 365, null, cancellationToken);
        }
    }

    private async Task SubmissionsAsync(Form form, FormVersion version, FormDefinition definition, Random random, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        for (var i = 0; i < 7; i++)
        {
            var answers = DemoAnswers.For(definition, random);
            await AttachDemoFilesAsync(definition, answers, cancellationToken);
            var culture = i % 3 == 1 ? "es" : "en";
            var submittedAt = now.AddHours(-random.Next(2, 24 * 40));
            var status = Cycle[i % Cycle.Length];
            var submission = new Submission
            {
                Reference = SubmissionReferences.New(random),
                FormId = form.Id,
                FormVersionId = version.Id,
                DepartmentId = form.DepartmentId,
                AnswersJson = answers.ToJson(),
                Culture = culture,
                Email = SubmissionIntake.SubmitterEmail(definition, answers),
                SubmitterName = SubmissionIntake.SubmitterName(definition, answers),
                FeeCents = definition.Fee is null ? null : FeeCalculator.Total(definition, answers),
                Status = status,
                SubmittedAt = submittedAt,
                UpdatedAt = submittedAt.AddHours(6),
                DecidedAt = status is SubmissionStatus.Approved or SubmissionStatus.Rejected ? submittedAt.AddHours(6) : null,
            };
            submission.Events.Add(new SubmissionEvent { At = submittedAt, Kind = SubmissionEventKind.Submitted, Status = SubmissionStatus.Received, VisibleToSubmitter = true });
            if (status != SubmissionStatus.Received)
            {
                submission.Events.Add(new SubmissionEvent
                {
                    At = submittedAt.AddHours(6),
                    Kind = status == SubmissionStatus.NeedsInformation ? SubmissionEventKind.InformationRequested : SubmissionEventKind.StatusChanged,
                    Status = status,
                    Text = status switch
                    {
                        SubmissionStatus.NeedsInformation => culture == "es" ? "¿Puede indicar a qué hora termina el evento?" : "Could you tell us what time the event ends?",
                        SubmissionStatus.Rejected => culture == "es" ? "La fecha solicitada ya está reservada." : "The date asked for is already booked.",
                        _ => null,
                    },
                    ActorEmail = "demo.reviewer@elpasotexas.gov",
                    VisibleToSubmitter = true,
                });
            }
            db.Submissions().Add(submission);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private bool _fileStoreUnavailable;

    /// <summary>One small PDF for every demo upload (the same bytes are one file in the store).</summary>
    private static readonly Lazy<byte[]> DemoCertificate = new(() => Pdf.AnswersPdf.Render(
        new FormDefinition { Title = LocalizedText.Of("Certificate of insurance (demo)", "Certificado de seguro (demostración)") },
        new FormAnswers(), new Pdf.AnswersPdfHeader("DEMO", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "El Paso"),
        CultureInfo.GetCultureInfo("en"), key => key));

    /// <summary>A required file question gets a small generated PDF, so demo submissions are complete.</summary>
    private async Task AttachDemoFilesAsync(FormDefinition definition, FormAnswers answers, CancellationToken cancellationToken)
    {
        foreach (var field in definition.AllFields.Where(f => f.Type == FieldType.File && f.Required))
        {
            if (_fileStoreUnavailable)
            {
                return;
            }
            using var stream = new MemoryStream(DemoCertificate.Value);
            StoredFile stored;
            try
            {
                stored = await files.Store.SaveAsync(stream, "application/pdf", null, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A file store that cannot be written (an S3 bucket not made yet) must not stop the
                // app from starting: readiness reports it. The demo submissions go without the file.
                logger.LogWarning(e, "The file store could not be written; demo form submissions are seeded without their files.");
                _fileStoreUnavailable = true;
                return;
            }
            answers.Set(field.Key, stored.Address.Hex);
            answers.Set($"{field.Key}.{FormAnswers.Parts.FileName}", "certificate-of-insurance.pdf");
            answers.Set($"{field.Key}.{FormAnswers.Parts.FileSize}", stored.Length.ToString(CultureInfo.InvariantCulture));
        }
    }

    internal static FormDefinition Load(string resource)
    {
        using var stream = typeof(FormsDemoData).Assembly.GetManifestResourceStream($"Ciudad.Forms.Seeding.DemoForms.{resource}.json")
            ?? throw new InvalidOperationException($"The demo form '{resource}' is not in the assembly.");
        using var reader = new StreamReader(stream);
        return FormDefinitionJson.Read(reader.ReadToEnd()).Definition
            ?? throw new InvalidOperationException($"The demo form '{resource}' is not a valid definition.");
    }
}
