using LabelStudio.Core.ApiTokens;
using LabelStudio.Core.Data;
using LabelStudio.Core.Export;
using LabelStudio.Core.Features;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Items;
using LabelStudio.Core.Labeling;
using LabelStudio.Core.Media;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Quality;
using LabelStudio.Core.Storage;
using LabelStudio.Core.Teams;
using LabelStudio.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabelStudio.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Storage, the domain services and the background workers shared by the web app and the CLI.</summary>
    public static IServiceCollection AddLabelStudioCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.Configure<TrainingOptions>(configuration.GetSection(TrainingOptions.Section));
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        services.Configure<ImageFeatureOptions>(configuration.GetSection(ImageFeatureOptions.Section));
        services.Configure<DashboardFeedOptions>(configuration.GetSection(DashboardFeedOptions.Section));
        services.AddSingleton<DataDirectory>();
        services.AddSingleton<ProjectChangeNotifier>();
        services.TryAddSingleton(TimeProvider.System);

        // Pooled: every lease and label opens a few short-lived contexts, and building each afresh
        // was a large share of a request's allocations.
        services.AddPooledDbContextFactory<AppDbContext>((provider, options) =>
        {
            var dataDirectory = provider.GetRequiredService<DataDirectory>();
            options.UseSqlite($"Data Source={dataDirectory.DatabaseFile};Pooling=True");
            options.AddInterceptors(
                new SqlitePragmas(),
                new ProjectChangeInterceptor(provider.GetRequiredService<ProjectChangeNotifier>()));
        });
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<WriteGate>();

        services.AddSingleton<FeatureStore>();
        services.AddSingleton<FeaturesReady>();
        services.AddSingleton<ImageFeaturizer>();
        services.AddSingleton<FeatureWaits>();
        services.AddSingleton<AudioFeaturizer>();
        services.AddSingleton<ProjectService>();
        services.AddSingleton<ProjectStatusService>();
        services.AddSingleton<ProjectInsights>();
        services.AddSingleton<CsvExporter>();
        services.AddSingleton<ExportJobService>();
        services.AddSingleton<ExportPlanner>();
        services.AddSingleton<ExportRunner>();
        services.AddSingleton<QueueService>();
        services.AddSingleton<LabelingService>();
        services.AddSingleton<LabelHistory>();
        services.AddSingleton<ItemReader>();
        services.AddSingleton<TrainingScheduler>();
        services.AddSingleton<TrainingLock>();
        services.AddSingleton<TrainingRunner>();
        services.AddSingleton<ModelCache>();
        services.AddSingleton<SuggestionService>();
        services.AddSingleton<ImportJobService>();
        services.AddSingleton<ImportWriter>();
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<UploadCleaner>();
        services.AddSingleton<MediaImportRunner>();
        services.AddSingleton<MediaImportWriter>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<MemberService>();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<AnnotatorProgressService>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<DashboardFeed>();
        return services;
    }

    /// <summary>The workers that retrain models and run imports and exports; the CLI runs them inline.</summary>
    public static IServiceCollection AddLabelStudioWorkers(this IServiceCollection services)
    {
        services.AddHostedService<TrainingWorker>();
        services.AddHostedService<ImportWorker>();
        services.AddHostedService<FeaturizeWorker>();
        services.AddHostedService<ExportWorker>();
        return services;
    }
}
