using Ciudad.Platform.City;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Geo;

/// <summary>The city's boundary and named areas, parsed once from configuration.</summary>
internal sealed class CityGeography
{
    private readonly GeoPolygon _boundary;
    private readonly List<(CityArea Area, GeoPolygon Shape)> _areas;

    public CityGeography(IOptions<CityOptions> city, IOptions<ServiceRequestsOptions> options)
    {
        _boundary = GeoPolygon.Parse(city.Value.BoundaryGeoJson);
        _areas = options.Value.Areas.Select(a => (a, GeoPolygon.Parse(a.BoundaryGeoJson))).ToList();
    }

    public IReadOnlyList<CityArea> Areas => _areas.Select(a => a.Area).ToList();

    public bool IsInsideCity(GeoPoint point) => point.IsValid && _boundary.Contains(point);

    /// <summary>The first configured area containing the point, or null.</summary>
    public string? AreaOf(GeoPoint point) => _areas.FirstOrDefault(a => a.Shape.Contains(point)).Area?.Code;

    public CityArea? FindArea(string code) => _areas.Select(a => a.Area)
        .FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase));
}
