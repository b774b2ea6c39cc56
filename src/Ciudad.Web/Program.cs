using Ciudad.Platform;
using Ciudad.ServiceRequests;
using Ciudad.Web.CommandLine;
using Ciudad.Web.Infrastructure;

// One executable: serves the site by default, and answers operator verbs (see `--help`).
var command = CiudadCommand.Parse(args);
if (command.Verb == CiudadVerb.Help)
{
    if (command.Error is not null)
    {
        Console.Error.WriteLine(command.Error);
    }
    CiudadCommand.PrintHelp(command.Error is null ? Console.Out : Console.Error);
    return command.Error is null ? 0 : 2;
}

var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddCiudadPlatform(typeof(Program).Assembly, ServiceRequestsModule.Assembly);
builder.AddServiceRequests();
builder.AddCiudadWeb(command);

var app = builder.Build();
app.UseCiudadWeb();
app.MapCiudadWeb();
app.MapServiceRequests();
app.MapBenchBaseline(); // only with Ciudad:Bench:Enabled=true

return await CommandRunner.RunAsync(app, command);

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
