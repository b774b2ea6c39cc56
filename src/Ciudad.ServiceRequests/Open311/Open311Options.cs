using System.ComponentModel.DataAnnotations;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>Settings of the GeoReport v2 API (<c>Ciudad:Open311</c>).</summary>
internal sealed class Open311Options
{
    public const string Section = "Ciudad:Open311";

    /// <summary>
    /// The one jurisdiction this server answers for. <c>jurisdiction_id</c> is optional; any other
    /// non-empty value is a 404, as the spec asks of single-jurisdiction servers.
    /// </summary>
    [Required] public string JurisdictionId { get; set; } = "elpasotexas.gov";

    /// <summary>Discovery's endpoint <c>type</c>: "production" or "test".</summary>
    [RegularExpression("^(production|test)$")] public string EndpointType { get; set; } = "production";

    /// <summary>Discovery's <c>changeset</c>: when this API's behaviour last changed.</summary>
    public DateTimeOffset Changeset { get; set; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>POSTs per minute one client address may make with a missing or wrong key (see <see cref="RejectedKeyLimiter"/>).</summary>
    [Range(1, 1_000_000)] public int RejectedKeyPostsPerMinute { get; set; } = 20;

    /// <summary>Limit for new keys unless the administrator picks another.</summary>
    [Range(1, 100_000)] public int DefaultRequestsPerMinute { get; set; } = 60;
}
