using Ciudad.Platform.Identity;

namespace Ciudad.Platform.Privacy;

/// <summary>
/// A module's part in the account page's two promises: "download my data" holds everything about
/// the person, and deleting the account leaves no name or address on the records the city keeps.
/// The host never reads a module's tables; each module that holds personal data registers one of
/// these (<c>services.AddScoped&lt;IPersonalDataContributor, …&gt;()</c>).
/// </summary>
/// <remarks>
/// A hook, not an integration event: erasure must commit in the same unit of work as the account's
/// deletion (an event delivered later could fail after the goodbye email said it was done), and the
/// download is a synchronous answer.
/// </remarks>
public interface IPersonalDataContributor
{
    /// <summary>The property name of this module's part in the download (camelCase, e.g. "serviceRequests").</summary>
    string Section { get; }

    /// <summary>What the module holds about the person, serialisable to JSON; null when nothing.</summary>
    Task<object?> ExportAsync(PersonalDataSubject person, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the person's identity from the module's records, as tracked changes on the shared
    /// <c>CiudadDbContext</c>: the host saves them together with the account's deletion.
    /// </summary>
    Task EraseAsync(PersonalDataSubject person, CancellationToken cancellationToken);
}

/// <param name="ConfirmedEmail">The account's email when it has been confirmed (so proven to be the person's); else null.</param>
public sealed record PersonalDataSubject(string UserId, string? ConfirmedEmail)
{
    public static PersonalDataSubject From(CiudadUser user) =>
        new(user.Id, user.EmailConfirmed && !string.IsNullOrWhiteSpace(user.Email) ? user.Email.Trim() : null);
}
