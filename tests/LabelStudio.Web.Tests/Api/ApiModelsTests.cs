using System.Net;
using System.Text.Json;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ApiModelsTests(ApiFixture fixture)
{
    [Fact]
    public async Task ALeadsRetrainRequestIsAcceptedAndRecorded()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        var response = await client.PostAsync("/api/v1/projects/1/retrain", null);

        await response.JsonAsync(HttpStatusCode.Accepted);
        Assert.EndsWith("/api/v1/projects/1/models", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnAnnotatorMaySeeModelsButNotAskForARetrain()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Annotator);

        var models = await client.GetAsync("/api/v1/projects/1/models");
        var retrain = await client.PostAsync("/api/v1/projects/1/retrain", null);

        Assert.Equal(JsonValueKind.Array, (await models.JsonAsync(HttpStatusCode.OK)).ValueKind);
        var problem = await retrain.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("leads", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheHiddenTruthsScoreIsGivenToDataScientistsAndNotToAnnotators()
    {
        var services = fixture.App.Services;
        var draft = new ProjectDraft
        {
            Name = $"Truth {Guid.NewGuid():N}",
            Classes = [new() { Name = "a" }, new() { Name = "b" }],
        };
        var project = await services.GetRequiredService<ProjectService>()
            .CreateAsync(draft, null, CancellationToken.None);
        var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.ModelVersions.Add(new ModelVersion
            {
                ProjectId = project.Id, Version = 1, CreatedAt = DateTimeOffset.UtcNow, LabelCount = 20,
                EstimatedAccuracy = 0.7, AccuracyMethod = "5-fold cross-validation", ModelFile = "none.zip",
                TruthAccuracy = 0.8, TruthItemCount = 300,
            });
            await db.SaveChangesAsync();
        }

        var seen = new List<(double?, int)>();
        foreach (var role in new[] { ApiFixture.Annotator, ApiFixture.DataScientist })
        {
            var user = await fixture.UserAsync(role);
            await fixture.JoinAsync(project.Id, user, ApiFixture.ProjectRoleFor(role));
            using var client = fixture.ClientWith((await fixture.TokenAsync(user)).Secret);
            var model = (await (await client.GetAsync($"/api/v1/projects/{project.Id}/models"))
                .JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single();
            var truth = model.GetProperty("truthAccuracy");
            seen.Add((truth.ValueKind == JsonValueKind.Null ? null : truth.GetDouble(),
                model.GetProperty("truthItemCount").GetInt32()));
        }

        Assert.Equal([(null, 0), (0.8, 300)], seen);
    }

    [Fact]
    public async Task ModelsOfAProjectThatDoesNotExistAreNotFound()
    {
        using var client = await fixture.ClientAsync(ApiFixture.Lead);

        await (await client.GetAsync("/api/v1/projects/4040/models")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
