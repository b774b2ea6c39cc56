using System.Globalization;
using System.Security.Claims;
using Ciudad.Forms.Pdf;
using Ciudad.Platform.City;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Modules;
using Microsoft.Extensions.Options;

namespace Ciudad.Forms.Submissions;

/// <summary>The PDF copy of a submission's answers: for its submitter (by the key in their links) and for its department's staff.</summary>
internal static class SubmissionEndpoints
{
    public static void MapSubmissionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/forms/submissions/{reference}/copy.pdf", async (string reference, string? key, SubmitterReplies replies,
                StringCatalog strings, IOptions<CityOptions> city, CityTime time, HttpContext http) =>
            await replies.FindAsync(reference, key, http.RequestAborted) is { } found
                ? Copy(found, strings, city.Value, time)
                : Results.NotFound())
            .AllowAnonymous();

        endpoints.MapGet("/Staff/Forms/Submissions/{reference}/copy.pdf", async (string reference, SubmissionReview review,
                StringCatalog strings, IOptions<CityOptions> city, CityTime time, ClaimsPrincipal user, HttpContext http) =>
            await review.FindAsync(user, reference, http.RequestAborted) is { } found
                ? Copy(found, strings, city.Value, time)
                : Results.NotFound())
            .RequireAuthorization(Permission.PolicyFor(FormsPermissions.Review));

        // A file answer, named by its question; served as a download so a browser never renders it here.
        endpoints.MapGet("/Staff/Forms/Submissions/{reference}/files/{name}", async (string reference, string name, SubmissionReview review,
                Filling.FormFiles files, ClaimsPrincipal user, HttpContext http) =>
            {
                if (await review.FindAsync(user, reference, http.RequestAborted) is not { } found
                    || found.Definition.Field(name) is not { Type: FieldType.File }
                    || !Platform.Files.FileAddress.TryParse(FormAnswers.FromJson(found.Submission.AnswersJson)[name], out var address)
                    || await files.Store.OpenAsync(address, http.RequestAborted) is not { } content)
                {
                    return Results.NotFound();
                }
                var answers = FormAnswers.FromJson(found.Submission.AnswersJson);
                return Results.Stream(content.Content, content.ContentType, answers[$"{name}.{FormAnswers.Parts.FileName}"]);
            })
            .RequireAuthorization(Permission.PolicyFor(FormsPermissions.Review));
    }

    /// <summary>In the language it was filled in: the answers are in that language and so should their labels be.</summary>
    private static IResult Copy(SubmissionForReview found, StringCatalog strings, CityOptions city, CityTime time)
    {
        var submission = found.Submission;
        var culture = submission.Culture;
        var bytes = AnswersPdf.Render(found.Definition, FormAnswers.FromJson(submission.AnswersJson),
            new AnswersPdfHeader(submission.Reference, time.ToLocal(submission.SubmittedAt), city.Name(culture)),
            CultureInfo.GetCultureInfo(culture), key => strings.Get(culture, key));
        return Results.File(bytes, "application/pdf", $"{submission.Reference}.pdf");
    }
}
