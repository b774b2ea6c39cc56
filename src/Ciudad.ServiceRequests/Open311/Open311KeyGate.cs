using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// What every Open311 POST passes first (<c>requests</c> and <c>servicerequestupdates</c>): the
/// address's budget of bad keys, the form (urlencoded or multipart, sized for the photos the intake
/// accepts), the jurisdiction, the API key and the key's rate.
/// </summary>
internal sealed class Open311KeyGate(
    ApiKeyService keys,
    ApiKeyRateLimiter limiter,
    RejectedKeyLimiter rejectedKeys,
    IOptions<Open311Options> open311,
    IOptions<ServiceRequestsOptions> options)
{
    /// <summary>The call's arguments and its key, or the answer that refuses it (403, 429).</summary>
    public sealed record Admission(Open311Input? Input, ApiKey? Key, Open311Result? Refusal);

    public async Task<Admission> AdmitAsync(HttpContext http, Open311Format format, string purpose, CancellationToken cancellationToken)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!await rejectedKeys.IsAllowedAsync(address, cancellationToken))
        {
            return new(null, null, Open311Result.TooManyRequests(format,
                $"Too many requests without a valid api_key from this address (at most {rejectedKeys.RejectionsPerMinute} a minute). Try again in 60 seconds.", 60));
        }
        var input = new Open311Input(http.Request.Query, await ReadFormAsync(http, cancellationToken));
        Open311Call.CheckJurisdiction(input, open311.Value);

        var apiKey = input.Text("api_key");
        var key = await keys.VerifyAsync(apiKey, cancellationToken);
        if (key is null)
        {
            await rejectedKeys.RecordRejectionAsync(address, cancellationToken);
            return new(null, null, Open311Result.Error(format, StatusCodes.Status403Forbidden,
                apiKey is null ? $"api_key is required to {purpose}." : "api_key is not valid, or it was revoked."));
        }
        if (await limiter.TryAcquireAsync(key, cancellationToken) is { Allowed: false } refused)
        {
            var seconds = refused.RetryAfterSeconds;
            return new(null, null, Open311Result.TooManyRequests(format,
                $"Too many requests with this api_key: its limit is {key.RequestsPerMinute} per minute. Try again in {seconds} seconds.", seconds));
        }
        return new(input, key, null);
    }

    private async Task<IFormCollection?> ReadFormAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!request.HasFormContentType)
        {
            // No body at all (key in the query string, say) reads as an empty form; any other body is a mistake.
            if (string.IsNullOrEmpty(request.ContentType) && request.ContentLength is null or 0)
            {
                return null;
            }
            throw Open311Problem.BadRequest("The body must be application/x-www-form-urlencoded or multipart/form-data.");
        }
        var limit = (long)options.Value.MaxPhotos * options.Value.MaxPhotoBytes + 1_000_000;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit; // room for the photos the intake accepts, and no more
        }
        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = limit,
            MultipartBoundaryLengthLimit = 200,
            ValueCountLimit = 200,
        }));
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or InvalidOperationException or FormatException or System.Text.DecoderFallbackException)
        {
            throw Open311Problem.BadRequest("The form could not be read: it is malformed (not UTF-8 form data), or larger than this server accepts.");
        }
    }
}
