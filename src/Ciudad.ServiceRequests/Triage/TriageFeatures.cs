using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.ServiceRequests.Triage;

internal static class TriageFeatures
{
    /// <summary>Registers the staff queue and request actions.</summary>
    public static IServiceCollection AddTriageFeatures(this IServiceCollection services) => services
        .AddScoped<StaffActors>()
        .AddScoped<DepartmentPeople>()
        .AddScoped<QueueQuery>()
        .AddScoped<StaffRequestDetails>()
        .AddScoped<TriageActions>()
        .AddScoped<BulkTriage>()
        .AddScoped<RequestMerge>()
        .AddScoped<ResponseTemplates>()
        .AddScoped<SavedViewStore>()
        .AddScoped<CallerDuplicates>()
        .AddScoped<QueueCsv>()
        .AddScoped<OneStepUpdate>();
}
