using LabelStudio.Browser.Tests.Infrastructure;
using LabelStudio.Core.Data;
using LabelStudio.Core.Items;
using LabelStudio.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Browser.Tests;

/// <summary>A lead imports files into a table project on the import page, as a first-time tester did.</summary>
public sealed class TableImportPageTests(AppFixture app) : IClassFixture<AppFixture>, IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("labelstudio-import-").FullName;

    [Fact]
    public async Task ALabelStudioFileImportsItsAnswersAsLabelsNotAsAFeature()
    {
        var projectId = await CreateProjectAsync("Reviews from Label Studio");
        var path = Write("tasks.json", """
            [{"id": 1, "data": {"text": "great"}, "annotations": [{"result": [
                {"type": "choices", "value": {"choices": ["pos"]}}]}]},
             {"id": 2, "data": {"text": "awful"}, "annotations": [{"result": [
                {"type": "choices", "value": {"choices": ["neg"]}}]}]},
             {"id": 3, "data": {"text": "fine I guess"}}]
            """);
        var page = await app.NewPageAsync();

        await LoginForm.LogInAsync(page, AppFixture.Admin, $"/projects/{projectId}/import");
        await page.Locator("#import-file[data-ready]").SetInputFilesAsync(path);
        await Assertions.Expect(page.Locator("#column-choices")).ToBeVisibleAsync();
        var roles = await page.Locator("select.column-role").EvaluateAllAsync<string[]>("s => s.map(x => x.value)");
        await page.Locator("#start-import").ClickAsync();
        await Assertions.Expect(page.Locator(".import-job").First)
            .ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 60_000 });

        Assert.Equal(["Id", "Feature", "Label"], roles);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        Assert.Equal(2, await db.Items.CountAsync(i => i.ProjectId == projectId && i.CurrentClassId != null));
        var columns = ProjectColumns.Parse(
            await db.Projects.Where(p => p.Id == projectId).Select(p => p.ColumnsJson).SingleAsync());
        Assert.Equal(["text"], columns.Where(c => c.Role == ColumnRole.Feature).Select(c => c.Name));
    }

    [Fact]
    public async Task AZipIsRefusedByNameAndNothingIsOfferedForImport()
    {
        var projectId = await CreateProjectAsync("Not a zip project");
        var path = Path.Combine(temp, "good.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("a.png").Open());
            entry.Write(new string('x', 5000));
        }
        var page = await app.NewPageAsync();

        await LoginForm.LogInAsync(page, AppFixture.Admin, $"/projects/{projectId}/import");
        await page.Locator("#import-file[data-ready]").SetInputFilesAsync(path);

        await Assertions.Expect(page.Locator(".import-errors")).ToContainTextAsync("good.zip: this is a ZIP archive");
        await Assertions.Expect(page.Locator("#start-import")).ToHaveCountAsync(0);
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private async Task<int> CreateProjectAsync(string name)
    {
        var draft = new ProjectDraft
        {
            Name = name,
            Classes = [new ClassDraft { Name = "pos" }, new ClassDraft { Name = "neg" }],
        };
        var project = await app.Services.GetRequiredService<ProjectService>()
            .CreateAsync(draft, null, CancellationToken.None);
        return project.Id;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(temp, name);
        File.WriteAllText(path, content);
        return path;
    }
}
