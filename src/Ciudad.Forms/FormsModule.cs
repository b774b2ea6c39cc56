using Ciudad.Forms.Pdf;
using Ciudad.Platform.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Ciudad.Forms;

/// <summary>
/// Digital city forms (issue 10, in progress). Landed so far: the definition format with its rules,
/// conditions, fees and answer validation; fillable-PDF import (also <c>ciudad forms import-pdf</c>);
/// the PDF copy of a submission's answers; and the consolidation report and merge assistant. The
/// tables, the resident's renderer, the inbox and the builder come next (docs/forms.md).
/// </summary>
public sealed class FormsModule : CiudadModule
{
    public override string Name => "forms";

    public override string TablePrefix => "fm_";

    public override IEnumerable<Permission> Permissions => FormsPermissions.All;

    public override IEnumerable<ModuleVerb> CreateVerbs() => [new ImportPdfVerb()];

    public override void AddServices(IHostApplicationBuilder builder)
    {
    }

    public override void ConfigurePages(PageConventionCollection pages)
    {
    }
}
