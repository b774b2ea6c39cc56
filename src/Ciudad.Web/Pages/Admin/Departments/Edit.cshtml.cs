using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ciudad.Web.Pages.Admin.Departments;

/// <summary>A department's details and its members (role changes and removals).</summary>
public sealed class EditModel(
    DepartmentService departments,
    StaffService staff,
    UserManager<CiudadUser> users,
    SignInManager<CiudadUser> signIn,
    IStringLocalizer<Program> strings) : AdminPageModel
{
    [BindProperty] public DepartmentForm Input { get; set; } = new();

    public Department Department { get; private set; } = default!;

    public IReadOnlyList<DepartmentMember> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Input = DepartmentForm.From(Department);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (ModelState.IsValid && await departments.SlugTakenAsync(Input.Slug!.Trim(), id, cancellationToken))
        {
            ModelState.AddModelError("Input.Slug", strings["Admin.Departments.Slug.Taken"]);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        await departments.UpdateAsync(Department, Input.ToInput(), cancellationToken);
        Confirmation = strings["Admin.Departments.Saved", Department.Name[StringCatalogCulture.Current]];
        return RedirectToPage(new { id });
    }

    /// <summary>Switches a member between agent and department manager.</summary>
    public async Task<IActionResult> OnPostRoleAsync(int id, string? userId, string? role, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var member = Members.FirstOrDefault(m => m.UserId == userId);
        if (member?.User is null || role is not (StaffRoles.Agent or StaffRoles.DepartmentManager))
        {
            return MemberProblem("Admin.Departments.Members.NotMember");
        }
        var user = await users.FindByIdAsync(member.UserId);
        await staff.SetRoleAsync(user!, id, role, cancellationToken);
        await RefreshIfSelfAsync(user!);
        Confirmation = strings["Admin.Departments.Members.RoleChanged", user!.Email ?? "", strings[AdminDisplay.RoleInSentenceKey(role)]];
        return RedirectToPage(null, null, new { id }, "members");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string? userId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var member = Members.FirstOrDefault(m => m.UserId == userId);
        if (member is null)
        {
            return MemberProblem("Admin.Departments.Members.NotMember");
        }
        var user = await users.FindByIdAsync(member.UserId);
        await staff.RemoveFromDepartmentAsync(user!, id, cancellationToken);
        await RefreshIfSelfAsync(user!);
        Confirmation = strings["Admin.Departments.Members.Removed", user!.Email ?? "", Department.Name[StringCatalogCulture.Current]];
        return RedirectToPage(null, null, new { id }, "members");
    }

    private PageResult MemberProblem(string key)
    {
        Input = DepartmentForm.From(Department);
        ModelState.Clear();
        ModelState.AddModelError("", strings[key]);
        return Invalid();
    }

    /// <summary>A change to one's own memberships renews the stamp; re-issuing the cookie keeps the administrator signed in.</summary>
    private async Task RefreshIfSelfAsync(CiudadUser user)
    {
        if (user.Id == users.GetUserId(User))
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var department = await departments.FindAsync(id, cancellationToken);
        if (department is null)
        {
            return false;
        }
        Department = department;
        Members = department.Members.Where(m => m.User is not null)
            .OrderBy(m => m.User!.Email, StringComparer.OrdinalIgnoreCase).ToList();
        return true;
    }
}
