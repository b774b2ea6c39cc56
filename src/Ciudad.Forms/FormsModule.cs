using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Ciudad.Forms.Pdf;
using Ciudad.Forms.Seeding;
using Ciudad.Forms.Submissions;
using Ciudad.Platform.Modules;
using Ciudad.Platform.Seeding;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Ciudad.Forms;

/// <summary>
/// Digital city forms (issue 10, in progress): published bilingual forms residents fill in page by
/// page (saved as they go, resumable by email), "check your answers", the confirmation with a PDF
/// copy, and each department's inbox where staff review, ask for information, approve or reject.
/// Also fillable-PDF import (<c>ciudad forms import-pdf</c>) and the consolidation report and merge
/// assistant. The builder, catalog metrics, exports, API, webhooks and retention come next (docs/forms.md).
/// </summary>
public sealed class FormsModule : CiudadModule
{
    public override string Name => "forms";

    public override string TablePrefix => "fm_";

    public override IEnumerable<Permission> Permissions => FormsPermissions.All;

    public override IEnumerable<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Public, "Forms.Nav", "/forms", Order: 120),
        new(NavigationArea.Home, "Forms.Home.Heading", "/forms", DescriptionKey: "Forms.Home.Body", LinkTextKey: "Forms.Nav", Order: 120),
        new(NavigationArea.Staff, "Forms.Inbox.Title", "/Staff/Forms", FormsPermissions.Review, Order: 200),
    ];

    public override IEnumerable<ModuleVerb> CreateVerbs() => [new ImportPdfVerb()];

    public override void AddServices(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PublishedDefinitions>();
        services.AddSingleton<SubmitterLinks>();
        services.AddScoped<FormLibrary>();
        services.AddScoped<FormDrafts>();
        services.AddScoped<FormFiles>();
        services.AddScoped<SubmissionIntake>();
        services.AddScoped<SubmissionReview>();
        services.AddScoped<SubmissionInbox>();
        services.AddScoped<SubmitterReplies>();
        services.AddScoped<IDemoDataContributor, FormsDemoData>();
    }

    public override void ConfigurePages(PageConventionCollection pages)
    {
        // Anyone fills in public forms; internal ones check for staff in the page (FillingPageModel).
        pages.AllowAnonymousToFolder("/Forms");
        pages.AuthorizeFolder("/Staff/Forms", Permission.PolicyFor(FormsPermissions.Review));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSubmissionEndpoints();
}
