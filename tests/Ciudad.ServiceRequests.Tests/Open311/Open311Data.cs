using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Requests;
using Ciudad.ServiceRequests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Open311;

/// <summary>Request data for the read tests: a marker word to find one's own requests in a shared database, and staff updates.</summary>
internal static class Open311Data
{
    public static string Marker() => "mk" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A staff update through the real workflow (public timeline entry, status, note).</summary>
    public static Task PublishAsync(this CiudadApp app, ServiceRequest request, RequestStatus status, string note) =>
        app.WithServicesAsync(async sp =>
        {
            var updates = sp.GetRequiredService<RequestUpdates>();
            var loaded = (await updates.LoadAsync(request.Id))!;
            updates.Publish(loaded, status, note, RequestEventKind.StatusChanged, null, "Test staff");
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
        });

    /// <summary>Moves a request back in time, as if it had been filed <paramref name="age"/> ago.</summary>
    public static Task AgeAsync(this CiudadApp app, ServiceRequest request, TimeSpan age) =>
        app.WithDbAsync(db =>
        {
            var at = DateTimeOffset.UtcNow - age;
            return db.Requests().Where(r => r.Id == request.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedAt, at).SetProperty(r => r.UpdatedAt, at));
        });

    public static IReadOnlyList<string> Ids(this Open311Response response) =>
        [.. response.Json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!)];
}
