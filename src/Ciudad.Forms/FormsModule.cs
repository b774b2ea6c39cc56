using Ciudad.Platform.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Ciudad.Forms;

/// <summary>
/// Digital city forms: definitions (versioned, bilingual, with rules, conditions and fees), the
/// resident's renderer with save-and-resume, department inboxes and review, PDF import, and the
/// catalog's consolidation of near-duplicate forms.
/// </summary>
public sealed class FormsModule : CiudadModule
{
    public override string Name => "forms";

    public override string TablePrefix => "fm_";

    public override IEnumerable<Permission> Permissions => FormsPermissions.All;

    public override void AddServices(IHostApplicationBuilder builder)
    {
    }

    public override void ConfigurePages(PageConventionCollection pages)
    {
    }
}
