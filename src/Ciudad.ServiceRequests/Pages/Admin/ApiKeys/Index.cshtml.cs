using Ciudad.ServiceRequests.Open311;

namespace Ciudad.ServiceRequests.Pages.Admin.ApiKeys;

/// <summary>Every Open311 API key: active ones first, then revoked ones kept for the record.</summary>
internal sealed class IndexModel(ApiKeyService keys) : AdminPageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Keys = await keys.ListAsync(cancellationToken);
}
