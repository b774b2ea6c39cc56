using Ciudad.Platform.Modules;
using Ciudad.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Web.Tests.Modules;

/// <summary>A page that asks for a permission no module defines stops the start, naming both.</summary>
public sealed class UndefinedPermissionCheckTests
{
    [Fact]
    public async Task A_misspelt_permission_is_named_before_anyone_requests_the_page()
    {
        await using var app = await CiudadApp.StartAsync(TestDatabase.Sqlite);
        var modules = app.Services.GetRequiredService<ModuleCatalog>();
        var real = AppEndpoints.All(app);
        var misspelt = new RouteEndpoint(_ => Task.CompletedTask, Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse("/staff/oops"), 0,
            new EndpointMetadataCollection(new AuthorizeAttribute(Permission.PolicyFor("requests.triag"))), "Oops page");

        Assert.Empty(UndefinedPermissionCheck.Find(real, modules)); // the app that just started passed the check
        Assert.Equal(["Oops page: requests.triag"], UndefinedPermissionCheck.Find([.. real, misspelt], modules));
        var check = new UndefinedPermissionCheck(new DefaultEndpointDataSource(misspelt), modules);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => check.StartAsync(CancellationToken.None));
        Assert.Contains("requests.triag", refused.Message, StringComparison.Ordinal);
    }
}
