using Ciudad.Platform;
using Ciudad.Web;
using Ciudad.Web.CommandLine;
using Ciudad.Web.Infrastructure;

// One executable: serves the site by default, and answers operator verbs (see `--help`).
// Modules bring verbs, so the module list is read before the command line is parsed, from the same
// settings the host reads below (a module loaded from appsettings.json has its verbs too).
var command = CiudadCommand.Parse(args, [.. CiudadModules.Resolve(HostSettings.Read(args)).Modules.SelectMany(m => m.CreateVerbs())]);
if (command.Verb == CiudadVerb.Help)
{
    if (command.Error is not null)
    {
        Console.Error.WriteLine(command.Error);
    }
    command.PrintHelp(command.Error is null ? Console.Out : Console.Error);
    return command.Error is null ? 0 : 2;
}

var builder = WebApplication.CreateBuilder(command.HostArguments);
var modules = CiudadModules.Resolve(builder.Configuration);
builder.AddCiudadPlatform(modules, typeof(Program).Assembly, typeof(Ciudad.Web.UI.SharedStrings).Assembly);
builder.AddCiudadWeb(command, modules);

var app = builder.Build();
app.UseCiudadWeb();
app.MapCiudadWeb();

return await CommandRunner.RunAsync(app, command);

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
