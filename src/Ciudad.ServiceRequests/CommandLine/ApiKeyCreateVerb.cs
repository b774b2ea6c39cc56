using System.Globalization;
using Ciudad.Platform.Modules;
using Ciudad.ServiceRequests.Open311;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ciudad.ServiceRequests.CommandLine;

/// <summary><c>ciudad apikey create --name N [--limit P]</c>: issues an Open311 key for an operator; the key is printed once and never stored.</summary>
internal sealed class ApiKeyCreateVerb : ModuleVerb
{
    private string _name = "";
    private int? _limit;

    public override IReadOnlyList<string> Words => ["apikey", "create"];

    public override string Usage => "apikey create --name N [--limit P]";

    public override string Summary => "Issue an Open311 API key (P POSTs per minute); prints the key once.";

    public override string? TakeOptions(List<string> arguments)
    {
        var name = TakeValue(arguments, "--name");
        var limitText = TakeValue(arguments, "--limit");
        if (string.IsNullOrWhiteSpace(name) || name.Length > ApiKeyService.MaxNameLength)
        {
            return "apikey create needs --name <name> (up to 100 characters).";
        }
        _name = name;
        if (limitText is null)
        {
            return null;
        }
        if (int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= ApiKeyService.MaxRequestsPerMinute)
        {
            _limit = limit;
            return null;
        }
        return "--limit must be a whole number of requests per minute, from 1 to 100000.";
    }

    public override async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var perMinute = _limit ?? scope.ServiceProvider.GetRequiredService<IOptions<Open311Options>>().Value.DefaultRequestsPerMinute;
        var issued = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(_name, perMinute, createdByUserId: null, cancellationToken);
        await output.WriteLineAsync($"API key \"{issued.Key.Name}\" issued ({perMinute} POSTs per minute). Copy it now; it will not be shown again:");
        await output.WriteLineAsync(issued.Plaintext);
        return 0;
    }
}
