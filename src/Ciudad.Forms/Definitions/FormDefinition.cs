using System.Text.Json.Serialization;
using Ciudad.Platform.Localization;

namespace Ciudad.Forms;

/// <summary>
/// What a form asks, in which order, with which rules: the document staff build, publish as an
/// immutable version, import and export as JSON (schema: docs/forms/form-definition.schema.json).
/// Other modules (permits, job applications, technology requests) hand the renderer one of these.
/// </summary>
public sealed record FormDefinition
{
    /// <summary>The format's version, so a later format can read an older file.</summary>
    public int Format { get; init; } = 1;

    public required LocalizedText Title { get; init; }

    public LocalizedText? Description { get; init; }

    public IReadOnlyList<FormPage> Pages { get; init; } = [];

    /// <summary>A fee calculated from the answers (cents); null when the form costs nothing.</summary>
    public FeeRule? Fee { get; init; }

    /// <summary>Every field of every page, groups' own fields after the group, in order.</summary>
    public IEnumerable<FormField> AllFields => Pages.SelectMany(p => p.Fields.SelectMany(FormField.WithNested));

    public FormField? Field(string key) => AllFields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
}

/// <summary>One step of the form: a page of questions, shown or skipped by its condition.</summary>
public sealed record FormPage
{
    public required string Key { get; init; }

    public required LocalizedText Title { get; init; }

    public IReadOnlyList<FormField> Fields { get; init; } = [];

    /// <summary>Shown only when this holds for the answers given so far; always shown when null.</summary>
    public FormCondition? ShowIf { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType
{
    Text,
    LongText,
    Number,
    Email,
    Phone,

    /// <summary>A date someone knows (birth, move-in): day, month and year boxes, as USWDS has it.</summary>
    Date,
    Select,
    Radios,
    Checkboxes,
    YesNo,

    /// <summary>A US street address: line 1, line 2, city, state, ZIP.</summary>
    Address,

    /// <summary>A person's name: given and family name.</summary>
    Name,
    File,

    /// <summary>A repeating group (household members): the same fields once per item.</summary>
    Group,

    /// <summary>Text to read, nothing to answer.</summary>
    Content,

    /// <summary>A statement the person agrees to by typing their name.</summary>
    Declaration,
}

/// <summary>One question (or content block) and its rules.</summary>
public sealed record FormField
{
    /// <summary>Stable name of the answer (letters, digits, dashes, underscores); unique in the form.</summary>
    public required string Key { get; init; }

    public required FieldType Type { get; init; }

    /// <summary>The question; for content, the heading (may be empty); for a declaration, the statement.</summary>
    public required LocalizedText Label { get; init; }

    public LocalizedText? Hint { get; init; }

    /// <summary>Content blocks' body text.</summary>
    public LocalizedText? Body { get; init; }

    public bool Required { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>A regular expression the whole answer must match (text fields).</summary>
    public string? Pattern { get; init; }

    /// <summary>What to tell someone whose answer does not match <see cref="Pattern"/>.</summary>
    public LocalizedText? PatternMessage { get; init; }

    /// <summary>Choices of select, radios and checkboxes.</summary>
    public IReadOnlyList<FieldOption> Options { get; init; } = [];

    /// <summary>Allowed file extensions ("pdf", "jpg"); file fields only.</summary>
    public IReadOnlyList<string> FileTypes { get; init; } = [];

    /// <summary>Largest file accepted, in bytes; file fields only.</summary>
    public long? MaxFileBytes { get; init; }

    /// <summary>A group's fields, asked once per item.</summary>
    public IReadOnlyList<FormField> Fields { get; init; } = [];

    /// <summary>Most items a group takes.</summary>
    public int? MaxItems { get; init; }

    /// <summary>Shown only when this holds; an unshown field is never required and its answer is not kept.</summary>
    public FormCondition? ShowIf { get; init; }

    /// <summary>Where the account fills this in: "name", "email", "address" or "phone".</summary>
    public string? Prefill { get; init; }

    /// <summary>Whether this field takes an answer (content blocks do not).</summary>
    [JsonIgnore]
    public bool Answers => Type != FieldType.Content;

    [JsonIgnore]
    public bool HasOptions => Type is FieldType.Select or FieldType.Radios or FieldType.Checkboxes;

    internal static IEnumerable<FormField> WithNested(FormField field) =>
        field.Type == FieldType.Group ? field.Fields.SelectMany(WithNested).Prepend(field) : [field];
}

public sealed record FieldOption
{
    /// <summary>The stored value; stays the same when the label is reworded or translated.</summary>
    public required string Value { get; init; }

    public required LocalizedText Label { get; init; }
}

/// <summary>
/// "Show this when…": one comparison with an earlier answer, or all / any of several. Operators:
/// <c>equals</c>, <c>notEquals</c>, <c>in</c> (one of <see cref="Values"/>), <c>answered</c>,
/// <c>notAnswered</c>, <c>greaterThan</c>, <c>lessThan</c> (numbers). For checkboxes, <c>equals</c>
/// holds when that box is ticked.
/// </summary>
public sealed record FormCondition
{
    public string? Field { get; init; }

    public string? Op { get; init; }

    public string? Value { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];

    public IReadOnlyList<FormCondition> All { get; init; } = [];

    public IReadOnlyList<FormCondition> Any { get; init; } = [];

    public static FormCondition Equal(string field, string value) => new() { Field = field, Op = ConditionOperators.EqualTo, Value = value };

    /// <summary>Every field this condition reads.</summary>
    public IEnumerable<string> Fields =>
        (Field is null ? [] : new[] { Field }).Concat(All.SelectMany(c => c.Fields)).Concat(Any.SelectMany(c => c.Fields));
}

public static class ConditionOperators
{
    public const string EqualTo = "equals";
    public const string NotEqualTo = "notEquals";
    public const string OneOf = "in";
    public const string Answered = "answered";
    public const string NotAnswered = "notAnswered";
    public const string GreaterThan = "greaterThan";
    public const string LessThan = "lessThan";

    public static IReadOnlyList<string> All { get; } = [EqualTo, NotEqualTo, OneOf, Answered, NotAnswered, GreaterThan, LessThan];
}

/// <summary>
/// A fee from the answers: a base amount plus each item whose condition holds, an item's amount
/// multiplied by a number answer when it names one (e.g. $5 per extra dog). Cents, never decimals.
/// </summary>
public sealed record FeeRule
{
    public long BaseCents { get; init; }

    public IReadOnlyList<FeeItem> Items { get; init; } = [];
}

public sealed record FeeItem
{
    public required LocalizedText Label { get; init; }

    public long Cents { get; init; }

    public FormCondition? When { get; init; }

    /// <summary>A number field whose answer multiplies <see cref="Cents"/>.</summary>
    public string? PerField { get; init; }
}
