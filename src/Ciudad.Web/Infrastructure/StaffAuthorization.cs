using Ciudad.Platform.Identity;
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

public static class StaffAuthorization
{
    public static IServiceCollection AddCiudadAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, StaffMfaHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StaffEnrolmentRedirect>();
        services.AddAuthorizationBuilder()
            .AddPolicy(CiudadPolicies.Staff, p => p
                .RequireAuthenticatedUser()
                .RequireClaim(CiudadClaims.Staff, "true")
                .AddRequirements(new StaffMfaRequirement()))
            .AddPolicy(CiudadPolicies.Administrator, p => p
                .RequireAuthenticatedUser()
                .RequireClaim(CiudadClaims.Staff, "true")
                .RequireRole(StaffRoles.Administrator)
                .AddRequirements(new StaffMfaRequirement()));
        return services;
    }
}
