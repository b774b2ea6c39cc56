using System.ComponentModel.DataAnnotations;
using Ciudad.Platform.City;
using Ciudad.Platform.Identity;
using Ciudad.ServiceRequests;
using Ciudad.Web.UI;
using Ciudad.ServiceRequests.Catalog;
using Ciudad.ServiceRequests.Intake;
using Ciudad.ServiceRequests.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>
/// Step 3: what is wrong. The description, the service's own questions and photos. Photos are
/// processed (re-encoded, metadata removed) as they arrive and kept in the draft, so they survive
/// a page with errors and the back button; the original upload is never stored.
/// </summary>
[PhotoUploadLimit]
internal sealed class DetailsModel(
    ReportDrafts drafts,
    ServiceFinder finder,
    PhotoProcessor processor,
    PhotoBudget photoBudget,
    IOptions<CityOptions> city,
    IOptions<ServiceRequestsOptions> options,
    IStringLocalizer<ServiceRequestsModule> strings) : ReportPageModel(drafts)
{
    private readonly AnswerForm answerForm = new(strings, city);

    [BindProperty] public DetailsInput Input { get; set; } = new();

    /// <summary>New photos chosen on this post.</summary>
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    public Service Service { get; private set; } = default!;
    public IReadOnlyList<Guid> PhotoIds { get; private set; } = [];
    public int MaxPhotos => options.Value.MaxPhotos;
    public string MaxPhotoMegabytes =>
        (options.Value.MaxPhotoBytes / 1_000_000d).ToString("0.#", SupportedCultures.FormattingCulture(Culture));

    public async Task<IActionResult> OnGetAsync(bool tooLarge = false)
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        Input = new DetailsInput { Description = Draft!.Description };
        answerForm.Fill(Service, Draft.Answers, Input);
        if (tooLarge)
        {
            ModelState.AddModelError(nameof(Photos), strings["Report.Photos.RequestTooLarge", MaxPhotoMegabytes]);
        }
        return Page();
    }

    /// <summary>Continue: keeps the new photos whatever else is wrong, then checks the answers.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        await AddPhotosAsync();
        var answers = answerForm.Read(Service, Input, ModelState, required: true);
        if (!ModelState.IsValid)
        {
            await Drafts.SaveAsync(Draft!, HttpContext.RequestAborted);
            return await InvalidAsync();
        }
        var draft = Draft!;
        draft.Description = Input.Description?.Trim();
        draft.Answers = answers;
        draft.DetailsSaved = true;
        await Drafts.SaveAsync(draft, HttpContext.RequestAborted);
        return Continue(draft, "/report/contact");
    }

    /// <summary>"Add photos" without leaving the page; what was typed is kept too.</summary>
    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        await AddPhotosAsync();
        KeepTyped();
        await Drafts.SaveAsync(Draft!, HttpContext.RequestAborted);
        return ModelState.IsValid ? Redirect(Here("photos")) : await InvalidAsync();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid remove)
    {
        if (await PrepareAsync() is { } elsewhere)
        {
            return elsewhere;
        }
        await Drafts.RemovePhotoAsync(Draft!, remove, HttpContext.RequestAborted);
        ModelState.Clear(); // nothing about this post is an error: only the typed text is kept
        KeepTyped();
        await Drafts.SaveAsync(Draft!, HttpContext.RequestAborted);
        return Redirect(Here("photos"));
    }

    private string Here(string fragment) => "/report/details" + (Change ? "?change=true" : "") + "#" + fragment;

    private async Task<IActionResult?> PrepareAsync()
    {
        if (await RequireStepAsync(d => d.LocationSaved) is { } elsewhere)
        {
            return elsewhere;
        }
        if (await finder.FindActiveAsync(Draft!.ServiceCode, HttpContext.RequestAborted) is not { } service)
        {
            return Redirect("/report");
        }
        Service = service;
        AnswerForm.EnsureKeys(service, Input);
        PhotoIds = await Drafts.PhotoIdsAsync(Draft, HttpContext.RequestAborted);
        return null;
    }

    /// <summary>Saves the description and answers as typed (checked on Continue), so adding a photo loses nothing.</summary>
    private void KeepTyped()
    {
        if (Input.Description is not { Length: > RequestIntake.MaxDescriptionLength })
        {
            Draft!.Description = Input.Description?.Trim();
        }
        Draft!.Answers = answerForm.Read(Service, Input, new(), required: false);
    }

    private async Task AddPhotosAsync()
    {
        var count = PhotoIds.Count;
        foreach (var file in Photos.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            var name = ShortName(file.FileName);
            if (count >= MaxPhotos)
            {
                ModelState.AddModelError(nameof(Photos), strings["Report.Photos.TooMany", MaxPhotos, name]);
                continue;
            }
            // Every photo costs CPU, refused or not: each spends from the poster's photo budget.
            var result = !(await photoBudget.TrySpendAsync(Ciudad.Platform.Security.Poster.Of(HttpContext), HttpContext.RequestAborted)).Allowed ? PhotoResult.Failed(PhotoProblem.OverBudget)
                : file.Length > options.Value.MaxPhotoBytes ? PhotoResult.Failed(PhotoProblem.TooLarge)
                : await processor.ProcessAsync(await ReadAllAsync(file), HttpContext.RequestAborted);
            if (result.Photo is { } photo)
            {
                await Drafts.AddPhotoAsync(Draft!, photo, HttpContext.RequestAborted);
                count++;
            }
            else
            {
                ModelState.AddModelError(nameof(Photos), strings[$"Report.Photos.{result.Problem}",
                    name, MaxPhotoMegabytes, result.Width, result.Height, options.Value.MaxPhotoMegapixels]);
            }
        }
    }

    private async Task<byte[]> ReadAllAsync(IFormFile file)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private async Task<IActionResult> InvalidAsync()
    {
        PhotoIds = await Drafts.PhotoIdsAsync(Draft!, HttpContext.RequestAborted);
        return Invalid();
    }

    /// <summary>A file name as people recognise it, without a path some browsers send, and not too long to read.</summary>
    private static string ShortName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return name.Length <= 60 ? name : name[..57] + "...";
    }
}

internal sealed class DetailsInput
{
    [StringLength(RequestIntake.MaxDescriptionLength, ErrorMessage = "Report.Details.Description.TooLong")]
    public string? Description { get; set; }

    /// <summary>One value per question code: text, number, text area, or a single choice.</summary>
    public Dictionary<string, string?> Answers { get; set; } = [];

    /// <summary>Multiple choices per question code.</summary>
    public Dictionary<string, List<string>> Choices { get; set; } = [];

    /// <summary>Date and time parts of date-time questions, as the browser's date and time inputs send them.</summary>
    public Dictionary<string, string?> Dates { get; set; } = [];
    public Dictionary<string, string?> Times { get; set; } = [];
}
