using LabelStudio.Core.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LabelStudio.Core.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<LabelClass> LabelClasses => Set<LabelClass>();
    public DbSet<Item> Items => Set<Item>();
    public DbSet<ItemFeatures> ItemFeatures => Set<ItemFeatures>();
    public DbSet<ItemMedia> ItemMedia => Set<ItemMedia>();
    public DbSet<ItemRank> ItemRanks => Set<ItemRank>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<LabelEvent> LabelEvents => Set<LabelEvent>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<TrainingState> TrainingStates => Set<TrainingState>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();
    public DbSet<ActivityEvent> ActivityEvents => Set<ActivityEvent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; UTC ticks keep time queries in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToTicksConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
