using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Catalog;

namespace Ciudad.ServiceRequests.Pages.Admin.Catalog;

/// <summary>The fields of a service, shared by the add and edit pages.</summary>
internal sealed class ServiceForm
{
    /// <summary>Lower-case words joined by hyphens, as Open311 clients put it in URLs ("missed-pickup").</summary>
    public const string CodePattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    [Required(ErrorMessage = "Catalog.Service.Code.Required")]
    [StringLength(64, ErrorMessage = "Catalog.Service.Code.Length")]
    [RegularExpression(CodePattern, ErrorMessage = "Catalog.Service.Code.Format")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Catalog.Service.NameEn.Required")]
    [StringLength(200, ErrorMessage = "Catalog.Service.NameEn.Length")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Catalog.Service.NameEs.Required")]
    [StringLength(200, ErrorMessage = "Catalog.Service.NameEs.Length")]
    public string? NameEs { get; set; }

    [Required(ErrorMessage = "Catalog.Service.DescriptionEn.Required")]
    [StringLength(2000, ErrorMessage = "Catalog.Service.DescriptionEn.Length")]
    public string? DescriptionEn { get; set; }

    [Required(ErrorMessage = "Catalog.Service.DescriptionEs.Required")]
    [StringLength(2000, ErrorMessage = "Catalog.Service.DescriptionEs.Length")]
    public string? DescriptionEs { get; set; }

    [StringLength(1000, ErrorMessage = "Catalog.Service.KeywordsEn.Length")]
    public string? KeywordsEn { get; set; }

    [StringLength(1000, ErrorMessage = "Catalog.Service.KeywordsEs.Length")]
    public string? KeywordsEs { get; set; }

    [Required(ErrorMessage = "Catalog.Service.GroupEn.Required")]
    [StringLength(200, ErrorMessage = "Catalog.Service.GroupEn.Length")]
    public string? GroupEn { get; set; }

    [Required(ErrorMessage = "Catalog.Service.GroupEs.Required")]
    [StringLength(200, ErrorMessage = "Catalog.Service.GroupEs.Length")]
    public string? GroupEs { get; set; }

    [Required(ErrorMessage = "Catalog.Service.Department.Required")]
    public int? DepartmentId { get; set; }

    [Required(ErrorMessage = "Catalog.Service.SlaKind.Required")]
    public SlaKind? SlaKind { get; set; }

    /// <summary>Required unless the service has no target; checked by the page.</summary>
    [Range(1, 365, ErrorMessage = "Catalog.Service.SlaDays.Range")]
    public int? SlaDays { get; set; }

    [Required(ErrorMessage = "Catalog.Service.Sensitivity.Required")]
    public Sensitivity? Sensitivity { get; set; }

    public bool IsActive { get; set; } = true;

    [Range(0, 9999, ErrorMessage = "Catalog.Service.SortOrder.Range")]
    public int? SortOrder { get; set; }

    public ServiceInput ToInput(string code) => new(
        code, LocalizedText.Of(NameEn!.Trim(), NameEs!.Trim()), LocalizedText.Of(DescriptionEn!.Trim(), DescriptionEs!.Trim()),
        LocalizedText.Of(Keywords(KeywordsEn), Keywords(KeywordsEs)), LocalizedText.Of(GroupEn!.Trim(), GroupEs!.Trim()), DepartmentId!.Value,
        SlaKind!.Value, SlaDays ?? 0, Sensitivity!.Value, IsActive, SortOrder ?? 0);

    public static ServiceForm From(Service s) => new()
    {
        Code = s.Code, NameEn = s.Name["en"], NameEs = s.Name["es"], DescriptionEn = s.Description["en"], DescriptionEs = s.Description["es"],
        KeywordsEn = s.Keywords["en"], KeywordsEs = s.Keywords["es"], GroupEn = s.Group["en"], GroupEs = s.Group["es"],
        DepartmentId = s.DepartmentId, SlaKind = s.SlaKind, SlaDays = s.SlaKind == ServiceRequests.Catalog.SlaKind.None ? null : s.SlaDays,
        Sensitivity = s.Sensitivity, IsActive = s.IsActive, SortOrder = s.SortOrder,
    };

    /// <summary>"bache ,hoyo,, calle" → "bache, hoyo, calle": search splits on commas, so stray spaces and empties go.</summary>
    private static string Keywords(string? text) =>
        string.Join(", ", (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
