using Ciudad.ServiceRequests.Open311;
using Microsoft.Extensions.Options;

namespace Ciudad.Web.CommandLine;

/// <summary><c>ciudad apikey create</c>: issues an Open311 key for an operator; the key is printed once and never stored.</summary>
public static class ApiKeyCommand
{
    public static async Task<int> CreateAsync(IServiceProvider services, string name, int? limit)
    {
        await using var scope = services.CreateAsyncScope();
        var perMinute = limit ?? scope.ServiceProvider.GetRequiredService<IOptions<Open311Options>>().Value.DefaultRequestsPerMinute;
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(name, perMinute, createdByUserId: null);
        Console.WriteLine($"API key \"{issued.Key.Name}\" issued ({perMinute} POSTs per minute). Copy it now; it will not be shown again:");
        Console.WriteLine(issued.Plaintext);
        return 0;
    }
}
