using System.Globalization;
using System.Security.Claims;
using System.Text;
using Bunit;
using Bunit.TestDoubles;
using LabelStudio.Core;
using LabelStudio.Core.Data;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Import;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Features.Labeling;
using LabelStudio.Web.Tests.Hosting;
using LabelStudio.Ml.Tabular;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace LabelStudio.Web.Tests.Rendering;

/// <summary>
/// bUnit with MudBlazor and the real Core services over a SQLite file in a temp folder, holding one
/// small project imported through the real import path, and a signed-in annotator.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    public const int ItemCount = 12;
    public static readonly string[] ClassNames = ["Apple", "Pear", "Plum"];

    private readonly TempDirectory _data = new();

    protected ComponentTestBase()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _data.Path })
            .Build();
        Services.AddLogging();
        Services.AddLabelStudioCore(configuration).AddStrictQueries();
        Services.AddMudServices();
        Services.AddTransient<LabelingSession>();
        Services.AddSingleton<LabelStudio.Web.Features.Access.ProjectAccess>();

        // MudBlazor and the hotkey listener import scripts the tests have no browser for.
        JSInterop.Mode = JSRuntimeMode.Loose;

        Authorization = AddAuthorization();
        Authorization.SetAuthorized("annotator@labelstudio.test");
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
    }

    /// <summary>The signed-in user; a test may give them roles.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected string UserId { get; } = Guid.NewGuid().ToString();

    protected Project Project { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        Project = await SeedFruitProjectAsync();
        await AddSignedInUserAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Some MudBlazor services can only be disposed asynchronously, which xunit's own Dispose call is not.
        await DisposeAsync();
        _data.Dispose();
    }

    protected LabelClass ClassNamed(string name) => Project.Classes.Single(c => c.Name == name);

    protected async Task<List<LabelEvent>> LabelEventsAsync()
    {
        await using var db = await ContextAsync();
        return await db.LabelEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    protected async Task<Item> ItemAsync(long itemId)
    {
        await using var db = await ContextAsync();
        return await db.Items.AsNoTracking().SingleAsync(i => i.Id == itemId);
    }

    protected async Task<long> ItemIdAsync(string externalId)
    {
        await using var db = await ContextAsync();
        return await db.Items.Where(i => i.ProjectId == Project.Id && i.ExternalId == externalId)
            .Select(i => i.Id)
            .SingleAsync();
    }

    /// <summary>Asks for that many distinct annotators' labels on every item of the project.</summary>
    protected async Task SetOverlapAsync(int annotatorsPerItem)
    {
        await using var db = await ContextAsync();
        await db.Projects.Where(p => p.Id == Project.Id)
            .ExecuteUpdateAsync(p => p.SetProperty(x => x.Overlap, annotatorsPerItem));
    }

    /// <summary>Makes the signed-in user the project's lead, in the database and in their claims.</summary>
    protected async Task SignInAsLeadAsync()
    {
        await using (var db = await ContextAsync())
        {
            await db.ProjectMembers.Where(m => m.ProjectId == Project.Id && m.UserId == UserId)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, ProjectRole.Lead));
        }

        // Setting roles replaces the principal, so the user id claim is set again.
        Authorization.SetRoles(LabelStudio.Web.Features.Account.Roles.Lead);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, UserId));
    }

    /// <summary>
    /// The signed-in user has an account and is an annotator of the project; project pages ask
    /// <c>ProjectAccess</c>, which looks both up.
    /// </summary>
    private async Task AddSignedInUserAsync()
    {
        await using var db = await ContextAsync();
        const string email = "annotator@labelstudio.test";
        db.Users.Add(new AppUser
        {
            Id = UserId, UserName = email, NormalizedUserName = email.ToUpperInvariant(),
            Email = email, NormalizedEmail = email.ToUpperInvariant(),
        });
        if (!await db.ProjectMembers.AnyAsync(m => m.ProjectId == Project.Id && m.UserId == UserId))
        {
            db.ProjectMembers.Add(new ProjectMember
            {
                ProjectId = Project.Id, UserId = UserId, Role = ProjectRole.Annotator, AddedAt = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    }

    private Task<AppDbContext> ContextAsync() =>
        Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    /// <summary>A project with three classes on keys 1–3 and a dozen rows, imported as a user would.</summary>
    private async Task<Project> SeedFruitProjectAsync()
    {
        var projects = Services.GetRequiredService<ProjectService>();
        var draft = new ProjectDraft
        {
            Name = "Fruit",
            Instructions = "Tell the fruit by weight and colour.",
            RoundSize = 5,
            Classes = [.. ClassNames.Select((name, i) => new ClassDraft { Name = name, Hotkey = $"{i + 1}" })],
        };
        var created = await projects.CreateAsync(draft, UserId, CancellationToken.None);

        var imports = Services.GetRequiredService<ImportJobService>();
        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(FruitCsv()));
        var job = await imports.UploadAsync(created.Id, "fruit.csv", file, UserId, CancellationToken.None);
        var plan = new TableImportPlan(
            ["Weight (g)", "Colour"],
            IdColumn: "Id",
            ColumnKinds: new Dictionary<string, ColumnKind> { ["Colour"] = ColumnKind.Category });
        await imports.StartAsync(job.Id, new ImportRequest(plan, AddMissingClasses: false), CancellationToken.None);
        var result = await Services.GetRequiredService<ImportRunner>().RunAsync(job.Id, CancellationToken.None);
        if (result?.Status != JobStatus.Succeeded)
        {
            throw new InvalidOperationException($"Seeding the test project failed: {result?.Message}");
        }

        return (await projects.GetAsync(created.Id, CancellationToken.None))!;
    }

    private static string FruitCsv()
    {
        string[] colours = ["red", "green", "purple"];
        var lines = Enumerable.Range(1, ItemCount).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"fruit-{i},{100 + 7 * i},{colours[i % colours.Length]}"));
        return string.Join('\n', ["Id,Weight (g),Colour", .. lines]) + "\n";
    }
}
