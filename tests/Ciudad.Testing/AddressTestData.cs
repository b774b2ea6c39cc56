using System.Globalization;
using Ciudad.ServiceRequests.Addresses;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Testing;

/// <summary>Loads address points through the real import, as <c>ciudad addresses import</c> does.</summary>
internal static class AddressTestData
{
    public sealed record Point(string Number, string Street, string Zipcode, double Latitude, double Longitude);

    public static Task<AddressImportReport> ImportAddressesAsync(this CiudadApp app, params Point[] points) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AddressImport>().ImportAsync(Rows(points)));

    private static async IAsyncEnumerable<AddressRow> Rows(Point[] points)
    {
        await Task.CompletedTask;
        for (var i = 0; i < points.Length; i++)
        {
            yield return new AddressRow(i + 2)
            {
                Number = points[i].Number,
                Street = points[i].Street,
                Zipcode = points[i].Zipcode,
                Latitude = points[i].Latitude.ToString(CultureInfo.InvariantCulture),
                Longitude = points[i].Longitude.ToString(CultureInfo.InvariantCulture),
            };
        }
    }
}
