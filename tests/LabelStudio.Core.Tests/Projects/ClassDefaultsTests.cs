using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.ImportJobs;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Tests.Infrastructure;

namespace LabelStudio.Core.Tests.Projects;

public sealed class ClassDefaultsTests
{
    private static readonly string[] FiftyClasses = [.. Enumerable.Range(0, 50).Select(i => $"class_{i}")];

    [Fact]
    public async Task FiftyClassesCreatedWithoutColoursOrKeysGetDistinctColoursAndKeysWhileKeysLast()
    {
        await using var database = await TestDatabase.CreateAsync();

        var project = await database.CreateProjectAsync("Fifty", FiftyClasses);

        AssertDefaults(project.Classes);
    }

    [Fact]
    public void ClassesAddedByAnImportGetTheSameDefaultsAsClassesAddedInSettings()
    {
        var project = new Project { Name = "Imported" };

        ImportWriter.AddClasses(project, FiftyClasses);

        AssertDefaults(project.Classes);
    }

    [Fact]
    public void DefaultHotkeysSkipKeysAlreadyTakenWhateverTheirCase()
    {
        var free = ClassDefaults.FreeHotkeys(["1", "A", ""]);

        Assert.DoesNotContain("1", free);
        Assert.DoesNotContain("a", free);
        Assert.Equal("2", free.Peek());
    }

    [Fact]
    public void NoReservedKeyIsEverADefaultHotkey() =>
        Assert.DoesNotContain(ClassDefaults.HotkeyOrder, ReservedKeys.All.Contains);

    private static void AssertDefaults(IEnumerable<LabelClass> classes)
    {
        var ordered = classes.OrderBy(c => c.Ordinal).ToList();
        Assert.Equal(50, ordered.Select(c => c.Color).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ordered, c => Assert.Matches("^#[0-9a-f]{6}$", c.Color));

        var keys = ordered.Select(c => c.Hotkey).Where(k => k.Length > 0).ToList();
        Assert.Equal(ClassDefaults.HotkeyOrder.Count, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(["1", "2"], keys.Take(2));
        Assert.Equal("0", ordered[9].Hotkey);
        Assert.Equal("a", ordered[10].Hotkey);
        Assert.DoesNotContain(keys, ReservedKeys.All.Contains);
    }
}
