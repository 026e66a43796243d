using LabelStudio.Core;
using LabelStudio.Web;
using LabelStudio.Web.Components;
using LabelStudio.Web.Features.Access;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Features.Admin;
using LabelStudio.Web.Features.Api;
using LabelStudio.Web.Features.Demo;
using LabelStudio.Web.Features.Export;
using LabelStudio.Web.Features.Health;
using LabelStudio.Web.Features.Import;
using LabelStudio.Web.Features.Media;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
// Framework and MudBlazor files live outside wwwroot until the app is published; this finds them in any
// environment (only Development does so by default), and does nothing once a published app has them.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddLabelStudioCore(builder.Configuration).AddLabelStudioWorkers();
builder.Services.Configure<AdminOptions>(builder.Configuration.GetSection(AdminOptions.Section));
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
builder.Services.AddDemoImageFolder();
builder.Services.AddLabelStudioIdentity(builder.Configuration);
builder.Services.AddLabelStudioApi(builder.Configuration);
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddProjectAccess();
builder.Services.AddMediaFiles();
builder.Services.AddScoped<UserAdminService>();
builder.Services.AddTransient<LabelStudio.Web.Features.Labeling.LabelingSession>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Bottom right: a notice at the top would cover the labeling page's header buttons.
builder.Services.AddMudServices(mud =>
    mud.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);

var app = builder.Build();
await app.InitializeAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}
app.UseHandWrittenAssets();
app.UseApiStatusProblems();
app.UseApiServerTiming();
app.UseApiExceptionProblems();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapExportEndpoints();
app.MapUploadEndpoints();
app.MapMediaEndpoints();
app.MapLabelStudioApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
