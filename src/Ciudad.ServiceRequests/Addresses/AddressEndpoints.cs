using Ciudad.Platform.Limits;
using Ciudad.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ciudad.ServiceRequests.Addresses;

internal static class AddressEndpoints
{
    /// <summary>Suggestions per visitor per minute: plenty for typing, too few to copy the address file.</summary>
    public const int SuggestionsPerMinute = 120;

    public static IEndpointRouteBuilder MapAddressEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/requests/addresses", SuggestAsync).AllowAnonymous()
            .WithName("Addresses.Suggest")
            .WithSummary("Address suggestions for the report page's address field (at most 8; the city's published address points only).");
        return endpoints;
    }

    private static async Task<IResult> SuggestAsync(string? q, AddressLocator locator, IRateWindows windows, HttpContext context, CancellationToken cancellationToken)
    {
        var spend = await windows.TrySpendAsync("addresses:" + Poster.Of(context), SuggestionsPerMinute, TimeSpan.FromMinutes(1), cancellationToken);
        if (!spend.Allowed)
        {
            context.Response.Headers.RetryAfter = spend.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var suggestions = await locator.SuggestAsync(q, cancellationToken);
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(suggestions.Select(s => new { label = s.Label, zipcode = s.Zipcode }));
    }
}
