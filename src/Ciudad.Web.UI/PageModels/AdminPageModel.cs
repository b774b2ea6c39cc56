using Ciudad.Platform.City;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciudad.Web.UI;

/// <summary>What every staff and administration page shares: the one-shot confirmation and the 400 re-render.</summary>
public abstract class AdminPageModel : PageModel
{
    /// <summary>Shown once, after a redirect, by <c>_Confirmation.cshtml</c>.</summary>
    [TempData] public string? Confirmation { get; set; }

    /// <summary>An invalid post shows the same page with its error summary, as a 400.</summary>
    protected static PageResult Invalid() => new() { StatusCode = StatusCodes.Status400BadRequest };
}

public static class AdminDisplay
{
    public const int PageSize = 25;

    /// <summary>An instant in the city's time zone, written the way the reader's language writes it.</summary>
    public static string When(this CityTime time, DateTimeOffset instant) =>
        Formats.Instant(instant, time, StringCatalogCulture.Current);

    public static string RoleKey(string role) => $"Admin.Role.{role}";

    /// <summary>The button that switches a member to <paramref name="role"/> ("Make department manager").</summary>
    public static string MakeRoleKey(string role) => $"Admin.Departments.Members.Make{role}";

    /// <summary>The role's name inside a sentence ("is now department manager").</summary>
    public static string RoleInSentenceKey(string role) => $"Admin.RoleInSentence.{role}";

    public static string RoleKey(DepartmentRole role) =>
        role == DepartmentRole.Manager ? "Admin.Role.DepartmentManager" : "Admin.Role.Agent";

    public static int TotalPages(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);

    public static int ClampPage(int page, int count) => Math.Clamp(page, 1, TotalPages(count));

    /// <summary>Query-string pieces for pagination links that keep the current filters.</summary>
    public static string Query(params (string Name, string? Value)[] parts) =>
        string.Concat(parts.Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"&{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}
