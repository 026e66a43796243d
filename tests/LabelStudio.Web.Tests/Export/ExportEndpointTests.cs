using System.Net;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Export;

public sealed class ExportEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task ExportOfTheDemoProjectIsCsvWithTheSourceColumnsThenTheLabelColumns()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "penguins.csv");
        var sourceHeader = File.ReadLines(sample).First().Split(',');

        var response = await client.GetAsync("/projects/1/export.csv");
        var lines = await LinesOfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("penguins-labels-", response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([.. sourceHeader.Where(c => c != "Species"), .. CsvExporter.MetadataColumns], lines[0].Split(','));
    }

    [Fact]
    public async Task ExportHasARowForAnItemLabeledOnTheSiteWithTheAnnotatorsEmail()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);
        var (externalId, className) = await LabelOneItemAsAdminAsync();

        var lines = await LinesOfAsync(await client.GetAsync("/projects/1/export.csv"));

        var header = lines[0].Split(',');
        var row = Assert.Single(lines.Skip(1)).Split(',');
        Assert.Equal(externalId, row[Array.IndexOf(header, "Id")]);
        Assert.Equal(className, row[Array.IndexOf(header, "label")]);
        Assert.Equal(AppFactory.AdminEmail, row[Array.IndexOf(header, "annotator")]);
    }

    [Fact]
    public async Task ExportOfAProjectThatDoesNotExistIsNotFound()
    {
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);

        var response = await client.GetAsync("/projects/999/export.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Labels the admin's next queue item with the project's last class, as the labeling page would.</summary>
    private async Task<(string ExternalId, string ClassName)> LabelOneItemAsAdminAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var admin = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(AppFactory.AdminEmail);
        var project = (await services.GetRequiredService<ProjectService>().GetAsync(1, CancellationToken.None))!;
        var queue = services.GetRequiredService<QueueService>();
        var lease = (await queue.NextAsync(1, admin!.Id, CancellationToken.None))!;
        var labelClass = project.Classes[^1];

        await services.GetRequiredService<LabelingService>().SubmitAsync(
            new LabelSubmission(1, lease.ItemId, admin.Id, labelClass.Id, 2.5, null, false), CancellationToken.None);

        var item = await services.GetRequiredService<LabelStudio.Core.Items.ItemReader>()
            .ReadAsync(1, lease.ItemId, CancellationToken.None);
        return (item!.ExternalId, labelClass.Name);
    }

    private static async Task<string[]> LinesOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r'))
            .ToArray();
}
