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
        services.AddScoped<SignInCompletion>();
        return services;
    }
}

/// <summary>
/// Identity's sign-in manager, with one rule added: a deactivated member of staff is treated as
/// locked out, whatever way they try to sign in (password, second factor, passkey).
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
    protected override async Task<bool> IsLockedOut(CiudadUser user) =>
        user.IsDeactivated || await base.IsLockedOut(user);
}
