using System.Globalization;
using Ciudad.Platform.Identity;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Localization;

/// <summary>
/// <c>Ciudad:Cultures</c>: the languages a city writes its catalog, departments and templates in
/// (<c>["en", "es"]</c> by default; add <c>"vi"</c> to offer Vietnamese). English and Spanish are
/// always there and always required; other languages are optional per value and fall back.
/// </summary>
public sealed class ContentCultureOptions
{
    public const string Section = "Ciudad";

    /// <summary>Null means the default; a list here replaces it (the binder would append to a default array).</summary>
    public string[]? Cultures { get; set; }
}

/// <summary>The configured languages of <see cref="LocalizedText"/> values, English and Spanish first.</summary>
public sealed class ContentCultures
{
    public static IReadOnlyList<string> RequiredCultures { get; } = [SupportedCultures.English, SupportedCultures.Spanish];

    public ContentCultures(IEnumerable<string> configured)
    {
        var names = configured.Select(LocalizedText.CultureName).ToList();
        All = [.. RequiredCultures, .. names.Where(n => !RequiredCultures.Contains(n)).Distinct()];
    }

    /// <summary>English, Spanish, then the city's other languages in configured order.</summary>
    public IReadOnlyList<string> All { get; }

    public IEnumerable<string> Optional => All.Skip(RequiredCultures.Count);

    public static bool IsRequired(string culture) => RequiredCultures.Contains(LocalizedText.CultureName(culture));

    /// <summary>The language's own name for itself ("español", "Tiếng Việt"), for form labels.</summary>
    public static string NativeName(string culture)
    {
        var native = CultureInfo.GetCultureInfo(culture).NativeName;
        return native.Length == 0 ? culture : char.ToUpper(native[0], CultureInfo.GetCultureInfo(culture)) + native[1..];
    }

    /// <summary>
    /// The languages in <paramref name="text"/> that are required but missing or blank; empty when
    /// it may be saved.
    /// </summary>
    public static IReadOnlyList<string> MissingRequired(LocalizedText text) =>
        [.. RequiredCultures.Where(c => string.IsNullOrWhiteSpace(text.Exactly(c)))];

    /// <summary>
    /// <paramref name="text"/> when English and Spanish are both written (possibly empty); a value
    /// without them is a programming error, since every form asks for both.
    /// </summary>
    public static LocalizedText EnsureComplete(LocalizedText text, string what) =>
        RequiredCultures.All(text.Has)
            ? text
            : throw new ArgumentException($"{what} must be written in English and Spanish; it has {string.Join(", ", text.Cultures)}.", nameof(text));
}

/// <summary>Refuses to start with a culture name .NET does not know (a typo would show raw codes on forms).</summary>
internal sealed class ContentCultureOptionsValidator : IValidateOptions<ContentCultureOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentCultureOptions options)
    {
        var failures = new List<string>();
        foreach (var culture in options.Cultures ?? [])
        {
            if (string.IsNullOrWhiteSpace(culture) || !IsKnown(culture))
            {
                failures.Add($"Ciudad:Cultures contains '{culture}', which is not a culture name such as \"en\", \"es\" or \"vi\".");
            }
        }
        var configured = (options.Cultures ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(LocalizedText.CultureName).ToList();
        if (configured.Count > 0 && ContentCultures.RequiredCultures.Except(configured).Any())
        {
            failures.Add("Ciudad:Cultures must list \"en\" and \"es\": English and Spanish are required for every service, department and template.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKnown(string culture)
    {
        try
        {
            // Predefined only: with invariant globalization off, unknown names would otherwise be invented.
            return CultureInfo.GetCultureInfo(culture.Trim(), predefinedOnly: true) is { Name.Length: > 0 };
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
