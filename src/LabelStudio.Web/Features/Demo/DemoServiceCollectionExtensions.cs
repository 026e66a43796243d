using LabelStudio.Core.Media;

namespace LabelStudio.Web.Features.Demo;

internal static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Offers the shipped image and audio samples as server import folders, beside those an admin
    /// configured, so the demo projects import them through the same checked path as any folder.
    /// </summary>
    public static IServiceCollection AddDemoImageFolder(this IServiceCollection services) =>
        services.PostConfigure<MediaOptions>(options =>
        {
            if (Directory.Exists(DemoOptions.ImageSamplePath))
            {
                options.ImportFolders.TryAdd(DemoOptions.ImageSampleFolder, DemoOptions.ImageSamplePath);
            }
            if (Directory.Exists(DemoOptions.AudioSamplePath))
            {
                options.ImportFolders.TryAdd(DemoOptions.AudioSampleFolder, DemoOptions.AudioSamplePath);
            }
        });
}
