using Microsoft.Data.Sqlite;

namespace LabelStudio.Web.Tests;

/// <summary>A fresh folder under the system temp directory, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"labelstudio-web-tests-{Guid.NewGuid():N}");

    public TempDirectory() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        // Pooled SQLite connections keep the database file open; let them go before deleting it.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}
