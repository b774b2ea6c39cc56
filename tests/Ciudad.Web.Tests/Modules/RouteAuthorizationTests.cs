using Ciudad.Platform.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Modules;

/// <summary>
/// Built from the app's own endpoint list, not a hand-kept one: every endpoint of the host and of
/// every module (the sample module included) says who may use it — anonymous, or a named policy or
/// permission that exists. A new page or endpoint with no decision fails here.
/// </summary>
public sealed class RouteAuthorizationTests
{
    [Fact]
    public async Task Every_endpoint_has_an_explicit_authorization_decision()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string?> { ["Ciudad:Modules:Load:0"] = SampleModule.SampleModule.TypeName });
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var modules = app.Services.GetRequiredService<ModuleCatalog>();
        var endpoints = AppEndpoints.All(app);
        var failures = new List<string>();

        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var named = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(a => !string.IsNullOrEmpty(a.Policy)).Select(a => a.Policy!).ToList();
            var unnamed = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => string.IsNullOrEmpty(a.Policy));
            if (!anonymous && named.Count == 0)
            {
                failures.Add($"{route}: no authorization decision (allow anonymous, or ask for a named policy or permission)");
            }
            if (unnamed)
            {
                failures.Add($"{route}: an [Authorize] without a policy; name the policy or permission");
            }
            foreach (var policy in named)
            {
                if (policy.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal) && !modules.IsDefined(policy[Permission.PolicyPrefix.Length..]))
                {
                    failures.Add($"{route}: asks for {policy}, which no module defines");
                }
                else if (!policy.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal) && await policies.GetPolicyAsync(policy) is null)
                {
                    failures.Add($"{route}: asks for policy {policy}, which does not exist");
                }
            }
        }

        Assert.True(endpoints.Count > 60, $"only {endpoints.Count} endpoints found; is the endpoint list read correctly?");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "sample/greetings");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Staff_and_administration_pages_ask_for_a_permission_or_staff_membership()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite);
        var failures = new List<string>();

        foreach (var endpoint in AppEndpoints.Pages(app))
        {
            var page = AppEndpoints.PagePath(endpoint)!;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            if (page.StartsWith("/Admin/", StringComparison.Ordinal) && (anonymous || !policies.Any(p => p?.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal) == true)))
            {
                failures.Add($"{page}: administration pages ask for a permission");
            }
            if (page.StartsWith("/Staff/", StringComparison.Ordinal) && page != "/Staff/Invitation" && (anonymous || policies.Count == 0))
            {
                failures.Add($"{page}: staff pages ask for staff membership or a permission");
            }
        }
        Assert.Empty(failures);
    }
}
