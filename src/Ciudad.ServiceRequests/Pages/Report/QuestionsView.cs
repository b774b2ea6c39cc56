using Ciudad.ServiceRequests.Catalog;

namespace Ciudad.ServiceRequests.Pages.Report;

/// <summary>What <c>_Questions.cshtml</c> shows: the service's questions, bound to the page's <c>Input</c>.</summary>
internal sealed record QuestionsView(Service Service, DetailsInput Input);
