using CodeCube.Host;
using CodeCube.Host.Cli;

if (CliApp.IsCliVerb(args))
{
    return await CliApp.RunAsync(args).ConfigureAwait(false);
}

// A published host carries its wwwroot next to the binaries; serve from there whatever the working directory.
var published = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = published ? AppContext.BaseDirectory : null,
});
builder.AddCodeCube();
var app = builder.Build();
app.MapCodeCube();
await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
