using System.Net;
using System.Net.Http.Headers;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Media;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Teams;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Media;

/// <summary>
/// A clip's display WAV is served in byte ranges, as browsers ask for it when they seek or start
/// playing, but only to members of its project; its waveform and spectrogram come with it.
/// </summary>
public sealed class AudioMediaEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly TeamUsers.Person Member = new(Roles.Annotator, Member: true);
    private static readonly TeamUsers.Person Outsider = new(Roles.Annotator, Member: false);

    [Fact]
    public async Task MemberGetsTheRequestedByteRangeOfTheDisplayWav()
    {
        var (itemId, displayPath) = await ImportClipAsync();
        using var client = await TeamUsers.ClientForAsync(fixture.App, Member);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/items/{itemId}/display");
        request.Headers.Range = new RangeHeaderValue(100, 199);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var whole = await File.ReadAllBytesAsync(displayPath);
        Assert.Equal((100L, 199L, whole.LongLength),
            (response.Content.Headers.ContentRange?.From, response.Content.Headers.ContentRange?.To,
             response.Content.Headers.ContentRange?.Length));
        Assert.Equal(whole[100..200], await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("waveform")]
    [InlineData("spectrogram")]
    public async Task MemberGetsTheClipsPictures(string variant)
    {
        var (itemId, _) = await ImportClipAsync();
        using var client = await TeamUsers.ClientForAsync(fixture.App, Member);

        var response = await client.GetAsync($"/media/items/{itemId}/{variant}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UserOutsideTheProjectIsRefusedTheClipEvenInRanges()
    {
        var (itemId, _) = await ImportClipAsync();
        using var client = await TeamUsers.ClientForAsync(fixture.App, Outsider);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/items/{itemId}/display");
        request.Headers.Range = new RangeHeaderValue(0, 99);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentRange?.ToString() ?? "");
    }

    [Fact]
    public async Task ExportOfAnAudioProjectNamesTheFilePathAndDurationBesideTheLabel()
    {
        var (itemId, _) = await ImportClipAsync();
        using var client = fixture.App.CreateBrowserlessClient();
        await LoginForm.LogInAsAdminAsync(client, AppFixture.AdminPassword);
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        var projectId = await db.ItemMedia.Where(m => m.ItemId == itemId).Select(m => m.ProjectId).SingleAsync();

        var csv = await client.GetStringAsync($"/projects/{projectId}/export.csv");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("file,path,duration,label,", lines[0]);
        Assert.StartsWith("a.wav,tone/a.wav,1,tone,", lines[1]);
    }

    /// <summary>An audio project with the member as annotator, and one imported 1-second clip.</summary>
    private async Task<(long ItemId, string DisplayPath)> ImportClipAsync()
    {
        await TeamUsers.EnsureAsync(fixture.App);
        var services = fixture.App.Services;
        var project = await services.GetRequiredService<ProjectService>().CreateAsync(new ProjectDraft
        {
            Name = $"Clips {Guid.NewGuid():N}",
            DataKind = DataKind.Audio,
            Classes = [new ClassDraft { Name = "tone" }, new ClassDraft { Name = "noise" }],
        }, userId: null, CancellationToken.None);
        await services.GetRequiredService<MemberService>().AddAsync(
            project.Id, Member.Email, ProjectRole.Annotator, null, CancellationToken.None);

        var imports = services.GetRequiredService<ImportJobService>();
        using var zip = new MemoryStream(MediaImports.Zip(("tone/a.wav", MediaImports.SineWav(8000, seconds: 1))));
        var job = await imports.UploadAsync(project.Id, "clips.zip", zip, userId: null, CancellationToken.None);
        await imports.StartMediaAsync(job.Id, new MediaImportRequest(null, LabelMode.ImportAsLabels, false),
            CancellationToken.None);
        Assert.Equal(JobStatus.Succeeded, (await MediaImports.WaitForAsync(services, job.Id)).Status);

        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync();
        var media = await db.ItemMedia.SingleAsync(m => m.ProjectId == project.Id);
        var root = services.GetRequiredService<Core.Storage.DataDirectory>().Root;
        return (media.ItemId, Path.Combine(root, media.StoredFolder, media.DisplayFile));
    }
}
