using Ciudad.Platform.Modules;
using Microsoft.AspNetCore.Authorization;

namespace Ciudad.Web.Infrastructure;

/// <summary>
/// Refuses to start when a page or endpoint asks for a permission no module defines: a misspelt
/// permission would otherwise surface as a 500 on the first request to that page, in production.
/// </summary>
public sealed class UndefinedPermissionCheck(EndpointDataSource endpoints, ModuleCatalog modules) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var undefined = Find(endpoints.Endpoints, modules);
        return undefined.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException("These endpoints ask for permissions no module defines: " + string.Join("; ", undefined));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>"endpoint: permission" for each permission asked for and not defined.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<Endpoint> endpoints, ModuleCatalog modules) =>
    [
        .. endpoints
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => (Endpoint: e.DisplayName, a.Policy)))
            .Where(p => p.Policy is not null && p.Policy.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal)
                && !modules.IsDefined(p.Policy[Permission.PolicyPrefix.Length..]))
            .Select(p => $"{p.Endpoint}: {p.Policy![Permission.PolicyPrefix.Length..]}")
            .Distinct(),
    ];
}
