using CodeCube.Host;
using CodeCube.Host.Cli;

if (CliApp.IsCliVerb(args))
{
    return await CliApp.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCodeCube();
var app = builder.Build();
app.MapCodeCube();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
