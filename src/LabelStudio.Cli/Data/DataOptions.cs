using System.CommandLine;

namespace LabelStudio.Cli.Data;

/// <summary>Options shared by the commands that work on a data directory.</summary>
internal static class DataOptions
{
    public static Option<string> DataDirectory() => new("--data-dir")
    {
        Description = "The app's data folder (holds labelstudio.db).",
        HelpName = "folder",
        DefaultValueFactory = _ => "./data",
    };

    public static Option<string> Project(string description) => new("--project")
    {
        Description = description,
        HelpName = "id or name",
        Required = true,
    };
}
