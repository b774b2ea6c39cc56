using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Admin.Staff;

public sealed class InviteModel(
    DepartmentService departments,
    StaffService staff,
    UserManager<CiudadUser> users,
    IStringLocalizer<Program> strings) : AdminPageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Admin.Invite.Email.Required")]
        [EmailAddress(ErrorMessage = "Admin.Invite.Email.Format")]
        [StringLength(256, ErrorMessage = "Admin.Invite.Email.Length")]
        public string? Email { get; set; }

        public int? DepartmentId { get; set; }

        [Required(ErrorMessage = "Admin.Invite.Role.Required")]
        public string? Role { get; set; }

        [Required(ErrorMessage = "Admin.Invite.Language.Required")]
        public string? Language { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> DepartmentItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> RoleItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> LanguageItems { get; private set; } = [];

    public async Task OnGetAsync(int? department, CancellationToken cancellationToken)
    {
        Input.DepartmentId = department;
        Input.Language = StringCatalogCulture.Current;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Input.Role is not null && !StaffRoles.All.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", strings["Admin.Invite.Role.Required"]);
        }
        if (Input.Language is not null && !SupportedCultures.IsSupported(Input.Language))
        {
            ModelState.AddModelError("Input.Language", strings["Admin.Invite.Language.Required"]);
        }
        if (Input.Role is StaffRoles.Agent or StaffRoles.DepartmentManager)
        {
            // Only active departments are offered; anything else was not chosen on this page.
            if (Input.DepartmentId is null || !DepartmentItems.Any(d => d.Value == Input.DepartmentId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                ModelState.AddModelError("Input.DepartmentId", strings["Admin.Invite.Department.Required"]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var email = Input.Email!.Trim();
        var departmentId = Input.Role == StaffRoles.Administrator ? null : Input.DepartmentId;
        var invitation = await staff.InviteAsync(email, departmentId, Input.Role!, users.GetUserId(User)!, Input.Language!, cancellationToken);
        Confirmation = strings["Admin.Invite.Sent", email];
        return RedirectToPage("/Admin/Staff/Details", new { id = invitation.UserId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var culture = StringCatalogCulture.Current;
        DepartmentItems = (await departments.ListAsync(cancellationToken)).Where(d => d.IsActive)
            .OrderBy(d => d.Name[culture], StringComparer.CurrentCultureIgnoreCase)
            .Select(d => new SelectListItem(d.Name[culture], d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        RoleItems = StaffRoles.All.Select(r => new SelectListItem(strings[AdminDisplay.RoleKey(r)], r)).ToList();
        LanguageItems = [new(strings["Admin.Language.en"], SupportedCultures.English), new(strings["Admin.Language.es"], SupportedCultures.Spanish)];
    }
}
