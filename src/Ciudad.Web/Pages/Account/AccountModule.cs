using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Pages.Account;

public static class AccountModule
{
    public static IServiceCollection AddCiudadAccounts(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Scoped<SignInManager<CiudadUser>, CiudadSignInManager>());
        services.AddScoped(sp => (CiudadSignInManager)sp.GetRequiredService<SignInManager<CiudadUser>>());
        services.AddScoped<SignInCompletion>();
        services.AddSingleton<StaffEnrolmentPermit>();
        services.AddScoped<Platform.Outbox.IOutboxHandler, AccountEmailHandler>();
        return services;
    }
}

/// <summary>
/// Identity's sign-in manager, with two rules added. A deactivated member of staff is treated as
/// locked out, whatever way they try to sign in (password, second factor, passkey). And the password
/// check does the same work whatever the account's state: Identity answers a locked or unconfirmed
/// account without looking at the password, which is quicker, so a stopwatch could tell which
/// addresses have accounts. Here the password is hashed exactly once on every path, against the
/// account's hash or a stand-in when there is no account or no password. Wrong passwords are not
/// counted against the account (a lockout anyone could aim at someone else);
/// <see cref="SignInThrottle"/> counts them per account and client address.
/// </summary>
public sealed class CiudadSignInManager(
    UserManager<CiudadUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<CiudadUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<CiudadUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CiudadUser> confirmation)
    : SignInManager<CiudadUser>(users, context, claims, options, logger, schemes, confirmation)
{
    private static readonly CiudadUser Nobody = new();
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<CiudadUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    protected override async Task<bool> IsLockedOut(CiudadUser user) =>
        user.IsDeactivated || await base.IsLockedOut(user);

    public override async Task<SignInResult> CheckPasswordSignInAsync(CiudadUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var passwordRight = user.PasswordHash is null ? HashForNobody(password) : await UserManager.CheckPasswordAsync(user, password);
        if (!passwordRight)
        {
            return SignInResult.Failed;
        }
        // Only someone who knows the password learns that the account is unconfirmed or locked.
        return await PreSignInCheck(user) ?? SignInResult.Success;
    }

    /// <summary>The same work as checking a password, for an address without an account or an attempt refused.</summary>
    public SignInResult SameWorkWithoutAccount(string password)
    {
        HashForNobody(password);
        return SignInResult.Failed;
    }

    private bool HashForNobody(string password)
    {
        UserManager.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
        return false;
    }
}
