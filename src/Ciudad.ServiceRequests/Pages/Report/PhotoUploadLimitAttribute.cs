using Ciudad.ServiceRequests;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>
/// Lets the photo step receive the configured number of full-size photos in one post, and turns a
/// post that is too big anyway into a friendly page instead of an error. It reads the form itself,
/// before the antiforgery check (order 1000) would, because a failed read there ends as a 500.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class PhotoUploadLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the text fields and multipart headers beside the photos.</summary>
    private const long FieldsAllowance = 1_000_000;

    public int Order => 950;

    public static long MaxRequestBytes(ServiceRequestsOptions options) => (long)Math.Max(1, options.MaxPhotos) * options.MaxPhotoBytes + FieldsAllowance;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }
        var limit = MaxRequestBytes(context.HttpContext.RequestServices.GetRequiredService<IOptions<ServiceRequestsOptions>>().Value);
        if (context.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        try
        {
            await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            context.Result = new RedirectResult("/report/details?tooLarge=true");
        }
    }
}
