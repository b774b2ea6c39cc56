using Ciudad.Platform.Identity;
using Ciudad.Platform.Modules;
using Ciudad.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.Infrastructure;

/// <summary>Staff pages need staff membership and an enrolled authenticator app (TOTP).</summary>
public sealed class StaffMfaRequirement : IAuthorizationRequirement;

public sealed class StaffMfaHandler(IOptions<SecurityOptions> security) : AuthorizationHandler<StaffMfaRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffMfaRequirement requirement)
    {
        if (!security.Value.RequireStaffMfa || context.User.HasClaim(CiudadClaims.MfaEnrolled, "true"))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Staff who are not yet enrolled are sent to enrol rather than shown "access denied": it is the
/// one step between them and their work.
/// </summary>
public sealed class StaffEnrolmentRedirect : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.IsStaff() &&
            authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<StaffMfaRequirement>().Any() == true)
        {
            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"/Account/Manage/TwoFactor?required=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

/// <summary>Holds when the signed-in staff member has the permission through one of their roles.</summary>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

public sealed class PermissionHandler(ModuleCatalog modules) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (modules.Allows(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Builds the policy for "permission:NAME" on demand: a staff member with an enrolled authenticator
/// who holds NAME. A name no module defines fails at the first request that asks for it (and in
/// the route tests, before that).
/// </summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, ModuleCatalog modules)
    : DefaultAuthorizationPolicyProvider(options)
{
    // The permissions are fixed at start, so each policy is built once, not on every request.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AuthorizationPolicy> _built = new(StringComparer.Ordinal);

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal))
        {
            return await base.GetPolicyAsync(policyName);
        }
        var permission = policyName[Permission.PolicyPrefix.Length..];
        if (!modules.IsDefined(permission))
        {
            throw new InvalidOperationException($"No module defines the permission '{permission}'.");
        }
        return _built.GetOrAdd(permission, p => new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(CiudadClaims.Staff, "true")
            .AddRequirements(new StaffMfaRequirement(), new PermissionRequirement(p))
            .Build());
    }
}

public static class StaffAuthorization
{
    public static IServiceCollection AddCiudadAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, StaffMfaHandler>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddHostedService<UndefinedPermissionCheck>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffEnrolmentRedirect>();
        services.AddAuthorizationBuilder()
            .AddPolicy(CiudadPolicies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(CiudadPolicies.Staff, p => p
                .RequireAuthenticatedUser()
                .RequireClaim(CiudadClaims.Staff, "true")
                .AddRequirements(new StaffMfaRequirement()));
        return services;
    }
}
