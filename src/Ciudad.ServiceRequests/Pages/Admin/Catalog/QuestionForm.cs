using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Catalog;

namespace Ciudad.ServiceRequests.Pages.Admin.Catalog;

/// <summary>A service's question (Open311 attribute).</summary>
internal sealed class QuestionForm
{
    /// <summary>Lower-case words joined by underscores or hyphens ("depth_inches"): it is posted as <c>attribute[code]</c>.</summary>
    public const string CodePattern = "^[a-z0-9]+([_-][a-z0-9]+)*$";

    [Required(ErrorMessage = "Catalog.Question.Code.Required")]
    [StringLength(64, ErrorMessage = "Catalog.Question.Code.Length")]
    [RegularExpression(CodePattern, ErrorMessage = "Catalog.Question.Code.Format")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Catalog.Question.Datatype.Required")]
    public AttributeDatatype? Datatype { get; set; }

    public bool IsVariable { get; set; } = true;
    public bool IsRequired { get; set; }

    [Required(ErrorMessage = "Catalog.Question.DescriptionEn.Required")]
    [StringLength(1000, ErrorMessage = "Catalog.Question.DescriptionEn.Length")]
    public string? DescriptionEn { get; set; }

    [Required(ErrorMessage = "Catalog.Question.DescriptionEs.Required")]
    [StringLength(1000, ErrorMessage = "Catalog.Question.DescriptionEs.Length")]
    public string? DescriptionEs { get; set; }

    [StringLength(500, ErrorMessage = "Catalog.Question.HintEn.Length")]
    public string? DatatypeDescriptionEn { get; set; }

    [StringLength(500, ErrorMessage = "Catalog.Question.HintEs.Length")]
    public string? DatatypeDescriptionEs { get; set; }

    [Range(1, 999, ErrorMessage = "Catalog.Question.Order.Range")]
    public int? Order { get; set; }

    public QuestionInput ToInput(string code) => new(
        code, Datatype!.Value, IsVariable, IsRequired, LocalizedText.Of(DescriptionEn!.Trim(), DescriptionEs!.Trim()),
        LocalizedText.Of(DatatypeDescriptionEn?.Trim() ?? "", DatatypeDescriptionEs?.Trim() ?? ""), Order);

    public static QuestionForm From(ServiceAttribute a) => new()
    {
        Code = a.Code, Datatype = a.Datatype, IsVariable = a.IsVariable, IsRequired = a.IsRequired,
        DescriptionEn = a.Description["en"], DescriptionEs = a.Description["es"],
        DatatypeDescriptionEn = a.DatatypeDescription["en"], DatatypeDescriptionEs = a.DatatypeDescription["es"], Order = a.Order,
    };
}

/// <summary>One answer of a list question (Open311 attribute value).</summary>
internal sealed class AnswerForm
{
    [Required(ErrorMessage = "Catalog.Answer.Key.Required")]
    [StringLength(64, ErrorMessage = "Catalog.Answer.Key.Length")]
    [RegularExpression(QuestionForm.CodePattern, ErrorMessage = "Catalog.Answer.Key.Format")]
    public string? Key { get; set; }

    [Required(ErrorMessage = "Catalog.Answer.NameEn.Required")]
    [StringLength(200, ErrorMessage = "Catalog.Answer.NameEn.Length")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Catalog.Answer.NameEs.Required")]
    [StringLength(200, ErrorMessage = "Catalog.Answer.NameEs.Length")]
    public string? NameEs { get; set; }

    [Range(1, 999, ErrorMessage = "Catalog.Answer.Order.Range")]
    public int? Order { get; set; }

    public AnswerInput ToInput(string key) => new(key, LocalizedText.Of(NameEn!.Trim(), NameEs!.Trim()), Order);

    public static AnswerForm From(AttributeValue v) => new() { Key = v.Key, NameEn = v.Name["en"], NameEs = v.Name["es"], Order = v.Order };
}
