using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Localization;

namespace Ciudad.Web.Pages.Admin.Departments;

/// <summary>The fields of a department, shared by the create and edit pages.</summary>
public sealed class DepartmentForm
{
    public const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    [Required(ErrorMessage = "Admin.Departments.Slug.Required")]
    [StringLength(80, ErrorMessage = "Admin.Departments.Slug.Length")]
    [RegularExpression(SlugPattern, ErrorMessage = "Admin.Departments.Slug.Format")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Admin.Departments.NameEn.Required")]
    [StringLength(200, ErrorMessage = "Admin.Departments.NameEn.Length")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Admin.Departments.NameEs.Required")]
    [StringLength(200, ErrorMessage = "Admin.Departments.NameEs.Length")]
    public string? NameEs { get; set; }

    [Required(ErrorMessage = "Admin.Departments.ContactEmail.Required")]
    [EmailAddress(ErrorMessage = "Admin.Departments.ContactEmail.Format")]
    [StringLength(256, ErrorMessage = "Admin.Departments.ContactEmail.Length")]
    public string? ContactEmail { get; set; }

    public bool IsActive { get; set; } = true;

    public DepartmentInput ToInput() =>
        new(Slug!.Trim(), LocalizedText.Of(NameEn!.Trim(), NameEs!.Trim()), ContactEmail!.Trim(), IsActive);

    public static DepartmentForm From(Department d) =>
        new() { Slug = d.Slug, NameEn = d.Name["en"], NameEs = d.Name["es"], ContactEmail = d.ContactEmail, IsActive = d.IsActive };
}
