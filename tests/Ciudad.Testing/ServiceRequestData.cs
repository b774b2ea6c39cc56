using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Testing;

/// <summary>
/// Builds 311 requests through the real intake (same rules as the web and the API), e.g.
/// <c>await app.CreateRequestAsync(r =&gt; r with { ServiceCode = "graffiti", Email = "x@example.test" })</c>.
/// </summary>
internal static class ServiceRequestData
{
    /// <summary>City hall, El Paso: inside the demo boundary.</summary>
    public const double CityHallLatitude = 31.7587;
    public const double CityHallLongitude = -106.4869;

    /// <summary>A pothole at city hall with the one required answer; adjust with <paramref name="configure"/>.</summary>
    public static TestRequest Pothole() => new()
    {
        ServiceCode = "pothole",
        Latitude = CityHallLatitude,
        Longitude = CityHallLongitude,
        Description = "Deep pothole in the right lane",
        Answers = new Dictionary<string, IReadOnlyList<string>> { ["size"] = ["medium"] },
    };

    public static async Task<ServiceRequest> CreateRequestAsync(this CiudadApp app, Func<TestRequest, TestRequest>? configure = null)
    {
        var spec = (configure ?? (r => r))(Pothole());
        return await app.WithServicesAsync(async sp =>
        {
            var result = await sp.GetRequiredService<RequestIntake>().SubmitAsync(spec.ToSubmission());
            return result.Value ?? throw new InvalidOperationException(
                "Test request refused: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Key}")));
        });
    }
}

internal sealed record TestRequest
{
    public string ServiceCode { get; init; } = "pothole";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string Culture { get; init; } = "en";
    public bool NotifyByEmail { get; init; } = true;
    public string? ReporterUserId { get; init; }
    public RequestChannel Channel { get; init; } = RequestChannel.Web;

    public IntakeSubmission ToSubmission() => new()
    {
        ServiceCode = ServiceCode,
        Latitude = Latitude,
        Longitude = Longitude,
        Address = Address,
        Description = Description,
        Answers = Answers,
        Name = Name,
        Email = Email,
        Phone = Phone,
        Culture = Culture,
        NotifyByEmail = NotifyByEmail,
        ReporterUserId = ReporterUserId,
        Channel = Channel,
    };
}
