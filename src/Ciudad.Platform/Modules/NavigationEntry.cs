namespace Ciudad.Platform.Modules;

/// <summary>Where the shell shows a link.</summary>
public enum NavigationArea
{
    /// <summary>The site's main menu, for everyone.</summary>
    Public,

    /// <summary>A card on the home page, for everyone.</summary>
    Home,

    /// <summary>A signed-in person's own pages.</summary>
    Account,

    /// <summary>The staff home page's list of work.</summary>
    Staff,

    /// <summary>A card on the administration home page.</summary>
    Admin,
}

/// <summary>
/// A link a module adds to the shell. <paramref name="Permission"/> null means everyone who can see
/// the area sees it; otherwise only people holding that permission do.
/// </summary>
/// <param name="TextKey">String catalog key of the link text.</param>
/// <param name="DescriptionKey">Optional key of a sentence shown with the link (administration cards).</param>
/// <param name="LinkTextKey">On cards (home, administration): the button's text; the heading is <paramref name="TextKey"/>.</param>
/// <param name="Order">Lower first; the host's own links sit at multiples of 100.</param>
public sealed record NavigationEntry(
    NavigationArea Area,
    string TextKey,
    string Href,
    string? Permission = null,
    string? DescriptionKey = null,
    string? LinkTextKey = null,
    int Order = 500)
{
    /// <summary>More buttons on a card ("Track a request" beside "Report a problem").</summary>
    public IReadOnlyList<NavigationLink> MoreLinks { get; init; } = [];
}

/// <summary>A further button on a navigation card.</summary>
public sealed record NavigationLink(string TextKey, string Href);
