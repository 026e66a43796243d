using LabelStudio.Core.Media;

namespace LabelStudio.Web.Features.Demo;

internal static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Offers the shipped image sample as a server import folder, beside those an admin configured,
    /// so the demo project imports it through the same checked path as any folder.
    /// </summary>
    public static IServiceCollection AddDemoImageFolder(this IServiceCollection services) =>
        services.PostConfigure<MediaOptions>(options =>
        {
            if (Directory.Exists(DemoOptions.ImageSamplePath))
            {
                options.ImportFolders.TryAdd(DemoOptions.ImageSampleFolder, DemoOptions.ImageSamplePath);
            }
        });
}
