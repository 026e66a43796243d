using Microsoft.Extensions.Options;

namespace LabelStudio.Core.Storage;

/// <summary>The folder layout under the configured data directory.</summary>
public sealed class DataDirectory
{
    public DataDirectory(IOptions<StorageOptions> options)
    {
        Root = Path.GetFullPath(options.Value.DataDirectory);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Uploads);
        Directory.CreateDirectory(Models);
        Directory.CreateDirectory(Exports);
    }

    public string Root { get; }
    public string DatabaseFile => Path.Combine(Root, "labelstudio.db");
    public string Uploads => Path.Combine(Root, "uploads");
    public string Models => Path.Combine(Root, "models");
    public string Exports => Path.Combine(Root, "exports");

    public string ModelFile(int projectId, int version) => Path.Combine(Models, $"project-{projectId}-v{version}.zip");
}
