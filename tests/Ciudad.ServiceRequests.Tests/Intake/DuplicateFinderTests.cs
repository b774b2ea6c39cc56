using Ciudad.ServiceRequests.Geo;
using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Tests.Intake;

public sealed class DuplicateFinderTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>Meters per degree of latitude on the sphere GeoPoint measures on.</summary>
    private const double MetersPerDegree = 111_195;

    [Theory, BothDatabases]
    public async Task Only_open_recent_requests_of_the_same_service_within_150_m_are_suggested_nearest_first(TestDatabase db)
    {
        var app = await fixture.For(db);
        var here = UniquePlace();
        var at100m = await PotholeAsync(app, North(here, 100), "One hundred metres north");
        var at30m = await PotholeAsync(app, North(here, 30), "Thirty metres north");
        await PotholeAsync(app, North(here, 200), "Too far");
        var closed = await PotholeAsync(app, North(here, 10), "Closed already");
        var old = await PotholeAsync(app, North(here, 20), "Reported long ago");
        await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "graffiti",
            Latitude = here.Latitude,
            Longitude = here.Longitude,
            Answers = new Dictionary<string, IReadOnlyList<string>> { ["surface"] = ["wall"] },
        });
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == closed.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RequestStatus.Fixed).SetProperty(r => r.IsOpen, false)));
        await app.WithDbAsync(d => d.Requests().Where(r => r.Id == old.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedAt, DateTimeOffset.UtcNow.AddDays(-31))));

        var found = await FindAsync(app, "pothole", here);

        Assert.Equal([at30m.Number, at100m.Number], found.Select(f => f.Number));
        Assert.Equal(30, found[0].DistanceMeters!.Value, tolerance: 1);
        Assert.Equal(100, found[1].DistanceMeters!.Value, tolerance: 1);
        Assert.Equal(RequestStatus.Received, found[0].Status);
        Assert.Equal("Thirty metres north", found[0].DescriptionExcerpt);
    }

    [Theory, BothDatabases]
    public async Task Hidden_services_never_offer_their_requests_as_duplicates(TestDatabase db)
    {
        var app = await fixture.For(db);
        var here = UniquePlace();
        await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "animal-bite",
            Latitude = here.Latitude,
            Longitude = here.Longitude,
            Answers = new Dictionary<string, IReadOnlyList<string>>
            {
                ["bitten_at"] = ["2026-11-20T10:00:00-07:00"],
                ["animal_description"] = ["Brown dog from the yellow house"],
            },
        });

        Assert.Empty(await FindAsync(app, "animal-bite", here));
    }

    [Theory, BothDatabases]
    public async Task A_service_with_a_coarsened_location_is_never_offered_as_nearby(TestDatabase db)
    {
        var app = await fixture.For(db);
        var here = UniquePlace();
        await app.CreateRequestAsync(r => r with
        {
            ServiceCode = "abandoned-vehicle",
            Latitude = North(here, 40).Latitude,
            Longitude = here.Longitude,
            Answers = new Dictionary<string, IReadOnlyList<string>>(),
        });

        // Otherwise moving the pin step by step would reveal the spot the public map coarsens.
        Assert.Empty(await FindAsync(app, "abandoned-vehicle", here));
    }

    /// <summary>A random spot inside the city, so tests sharing an app never see each other's requests.</summary>
    private static GeoPoint UniquePlace() =>
        new(31.70 + Random.Shared.NextDouble() * 0.25, -106.55 + Random.Shared.NextDouble() * 0.30);

    private static GeoPoint North(GeoPoint origin, double meters) => origin with { Latitude = origin.Latitude + meters / MetersPerDegree };

    private static Task<ServiceRequest> PotholeAsync(CiudadApp app, GeoPoint at, string description) =>
        app.CreateRequestAsync(r => r with { Latitude = at.Latitude, Longitude = at.Longitude, Description = description });

    private static Task<IReadOnlyList<NearbyRequest>> FindAsync(CiudadApp app, string service, GeoPoint at) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<DuplicateFinder>().FindAsync(service, at));
}
