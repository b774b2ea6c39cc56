using Ciudad.Platform.Identity;
using Ciudad.Platform.Jobs;
using Microsoft.Extensions.Logging;
using Ciudad.Platform.Modules;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace Ciudad.SampleModule;

/// <summary>The smallest module that uses every part of the contract; the tests load it by configuration.</summary>
public sealed class SampleModule : CiudadModule
{
    public const string TypeName = "Ciudad.SampleModule.SampleModule, Ciudad.SampleModule";

    public const string ReadGreetings = "sample.greetings.read";

    public override string Name => "sample";

    public override string TablePrefix => "sample_";

    public override IEnumerable<Permission> Permissions =>
        [new(ReadGreetings, "Sample.Permission.Read", [StaffRoles.Administrator])];

    public override IEnumerable<NavigationEntry> Navigation =>
    [
        new(NavigationArea.Public, "Sample.Nav", "/sample", Order: 900),
        new(NavigationArea.Admin, "Sample.Admin.Heading", "/sample/greetings", ReadGreetings, "Sample.Admin.Body", "Sample.Admin.Link", Order: 900),
    ];

    public override IEnumerable<ModuleVerb> CreateVerbs() => [new GreetVerb()];

    public override void AddServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GreetingCounter>();
        builder.Services.AddCiudadJob<GreetingTally>(GreetingTally.JobName, TimeSpan.FromHours(1));
    }

    public override void ConfigurePages(PageConventionCollection pages)
    {
        pages.AllowAnonymousToPage("/Sample/Index");
        pages.AuthorizePage("/Sample/Greetings", Permission.PolicyFor(ReadGreetings));
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sample/count.txt", (GreetingCounter counter) => counter.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AllowAnonymous();
    }
}

/// <summary>How many times the public page was shown (in this instance).</summary>
public sealed class GreetingCounter
{
    private int _count;

    public int Count => _count;

    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>A background job: writes the greeting count to the log; shows on /Admin/Jobs like every job.</summary>
public sealed class GreetingTally(GreetingCounter counter, ILogger<GreetingTally> logger) : ICiudadJob
{
    public const string JobName = "SampleGreetingTally";

    public Task RunAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("The sample page was shown {Count} times.", counter.Count);
        return Task.CompletedTask;
    }
}

/// <summary><c>ciudad sample greet --name N</c>: prints a greeting, proving module verbs reach the command line.</summary>
public sealed class GreetVerb : ModuleVerb
{
    private string _name = "";

    public override IReadOnlyList<string> Words => ["sample", "greet"];

    public override string Usage => "sample greet --name N";

    public override string Summary => "Print a greeting (the test suite's sample module).";

    public override string? TakeOptions(List<string> arguments)
    {
        _name = TakeValue(arguments, "--name") ?? "";
        return _name.Length == 0 ? "sample greet needs --name <name>." : null;
    }

    public override async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"Hello, {_name}, from the sample module.");
        return 0;
    }
}
