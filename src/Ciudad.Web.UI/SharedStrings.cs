namespace Ciudad.Web.UI;

/// <summary>
/// The type shared pieces ask their strings for (<c>IStringLocalizer&lt;SharedStrings&gt;</c>). Every
/// type is served by the one string catalog, so the choice of type only says whose strings these are.
/// </summary>
public sealed class SharedStrings;
