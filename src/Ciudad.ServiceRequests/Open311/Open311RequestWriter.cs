using System.Text.RegularExpressions;
using Ciudad.Platform.Localization;
using Ciudad.Platform.Outcomes;
using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Photos;
using Ciudad.ServiceRequests.Requests;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// <c>POST requests</c>: checks the key and its rate, reads the form (urlencoded, or multipart with
/// photos in file parts of any name; <c>media_url</c> links are kept for staff, see <see cref="MediaLinks"/>) and files through <see cref="RequestIntake"/>, the same door as the web
/// report, so API requests meet the same rules and land in the same department queue.
/// </summary>
internal sealed partial class Open311RequestWriter(
    Open311KeyGate gate,
    RequestIntake intake,
    PhotoProcessor photos,
    PhotoBudget photoBudget,
    StringCatalog strings,
    Open311Presenter presenter,
    IOptions<ServiceRequestsOptions> options)
{
    /// <summary>Fields the intake names that are also POST argument names; any other field is an attribute code.</summary>
    private static readonly HashSet<string> PlainFields = ["service_code", "lat", "address_string", "description", "media", "email", "phone"];

    public async Task<IResult> PostAsync(HttpContext http, Open311Format format, CancellationToken cancellationToken)
    {
        var admission = await gate.AdmitAsync(http, format, "file a service request", cancellationToken);
        if (admission is not { Input: { } input, Key: { } key })
        {
            return admission.Refusal!;
        }

        var serviceCode = input.Text("service_code") ?? throw Open311Problem.BadRequest("service_code is required. GET services for the list of codes.");
        var submission = new IntakeSubmission
        {
            ServiceCode = serviceCode,
            Latitude = input.Number("lat"),
            Longitude = input.Number("long"),
            Address = input.Text("address_string"),
            AddressId = input.Text("address_id"),
            Zipcode = input.Text("zipcode"),
            Description = input.Text("description"),
            Answers = ReadAnswers(input.Form),
            Photos = await ReadPhotosAsync(input.Form, key, cancellationToken),
            PhotoLinks = MediaLinks.Read(input, options.Value.MaxPhotos),
            Name = Name(input.Text("first_name"), input.Text("last_name")),
            Email = input.Text("email"),
            Phone = input.Text("phone"),
            Culture = Open311Call.Culture(http, input),
            Channel = RequestChannel.Api,
            ApiKeyId = key.Id,
            DeviceId = input.Text("device_id"),
            AccountId = input.Text("account_id"),
        };
        var result = await intake.SubmitAsync(submission, cancellationToken);
        if (result.Value is not { } request)
        {
            return Open311Result.Errors(format, StatusCodes.Status400BadRequest, result.Errors.Select(Describe));
        }
        // The spec allows an id or a token, never both; the id is known at once, so it is the id.
        return Open311Result.Ok(format, new Open311List("service_requests", "request",
        [
            Open311Record.Of("request",
                ("service_request_id", request.Number),
                ("service_notice", $"Thank you. Follow this request at {presenter.Absolute(RequestLinks.Track(request.Number))}"),
                ("account_id", request.AccountId)),
        ]));
    }

    /// <summary><c>attribute[code]=v</c>, and <c>attribute[code][]=v</c> repeated for multi-value lists.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadAnswers(IFormCollection? form)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in form ?? FormCollection.Empty)
        {
            var match = AttributeField().Match(name);
            if (!match.Success)
            {
                continue;
            }
            var code = match.Groups["code"].Value;
            var cleaned = values.Select(Open311Input.Clean).ToList();
            if (cleaned.Any(v => v.Length > AnswerRules.MaxTextLength))
            {
                throw Open311Problem.BadRequest($"attribute[{Open311Call.Truncate(code)}] is longer than {AnswerRules.MaxTextLength} characters.");
            }
            answers[code] = answers.TryGetValue(code, out var earlier) ? [.. earlier, .. cleaned] : cleaned;
        }
        return answers;
    }

    private async Task<List<ProcessedPhoto>> ReadPhotosAsync(IFormCollection? form, ApiKey key, CancellationToken cancellationToken)
    {
        // Every file part is a photo whatever its name: the spec's extension says media, FixMyStreet
        // sends photo1, photo2…; a part that is not a photo is refused by name, never dropped.
        var files = form is null ? [] : form.Files.ToList();
        if (files.Count > options.Value.MaxPhotos)
        {
            throw Open311Problem.BadRequest(strings.Format("en", "Requests.Intake.TooManyPhotos", options.Value.MaxPhotos));
        }
        var processed = new List<ProcessedPhoto>();
        var problems = new List<string>();
        foreach (var (file, index) in files.Select((f, i) => (f, i + 1)))
        {
            var part = file.Name is "media" or "media[]" ? $"media file {index}" : Open311Call.Truncate(file.Name);
            var name = $"{part} ({Open311Call.Truncate(file.FileName)})";
            // Every photo costs CPU, refused or not: each spends from the key's photo budget.
            if (await photoBudget.TrySpendAsync($"key:{key.Id}", cancellationToken) is { Allowed: false } refused)
            {
                throw new Open311Problem(StatusCodes.Status429TooManyRequests,
                    $"{name} was not processed: this api_key may send at most {photoBudget.PhotosPerMinute} photos a minute. Try again in {refused.RetryAfterSeconds} seconds.");
            }
            var result = file.Length > options.Value.MaxPhotoBytes
                ? PhotoResult.Failed(PhotoProblem.TooLarge)
                : await photos.ProcessAsync(await ReadAllAsync(file, cancellationToken), cancellationToken);
            if (result.Problem == PhotoProblem.Busy)
            {
                throw new Open311Problem(StatusCodes.Status503ServiceUnavailable,
                    $"{name} was not processed: the server is busy with other photos. Try again in a minute.");
            }
            if (result.Photo is { } photo)
            {
                processed.Add(photo);
            }
            else
            {
                problems.Add($"{name}: {PhotoProblemText(result)}");
            }
        }
        if (problems.Count > 0)
        {
            throw Open311Problem.BadRequest(string.Join(" ", problems));
        }
        return processed;
    }

    private static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private string PhotoProblemText(PhotoResult result) => result.Problem switch
    {
        PhotoProblem.TooManyPixels => FormattableString.Invariant(
            $"too many pixels: {result.Width}×{result.Height}, the limit is {options.Value.MaxPhotoMegapixels} megapixels."),
        PhotoProblem.TooSlow => "the photo took too long to process; send a smaller one.",
        PhotoProblem.Empty => "the file is empty.",
        PhotoProblem.TooLarge => $"the file is larger than {options.Value.MaxPhotoBytes / 1_000_000} MB.",
        PhotoProblem.NotAPhoto => "the file is not a JPEG, PNG, WebP or HEIC photo (its content was checked, not its name).",
        _ => "the photo is damaged and could not be read.",
    };

    private string Describe(FieldError error)
    {
        var field = PlainFields.Contains(error.Field) ? error.Field : $"attribute[{error.Field}]";
        return $"{field}: {strings.Format("en", error.Key, error.Arguments)}";
    }

    private static string? Name(string? first, string? last) =>
        string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n))) is { Length: > 0 } name ? name : null;

    [GeneratedRegex(@"^attribute\[(?<code>[^\[\]]{1,64})\](\[\])?$")]
    private static partial Regex AttributeField();
}
