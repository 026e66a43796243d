using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;

namespace LabelStudio.Core.Tests.Projects;

public sealed class ProjectRulesTests
{
    [Fact]
    public void AnEmptyFormAsksForNamesWithoutCallingBlankNamesDuplicates()
    {
        var draft = new ProjectDraft { Classes = [new ClassDraft(), new ClassDraft()] };

        var problems = ProjectRules.Validate(draft);

        Assert.Equal(["The project needs a name.", "Every class needs a name."], problems);
    }

    [Fact]
    public void ClassNamesDifferingOnlyInCaseAreDuplicates()
    {
        var draft = new ProjectDraft
        {
            Name = "Fruit",
            Classes = [new ClassDraft { Name = "apple" }, new ClassDraft { Name = "Apple " }],
        };

        var problems = ProjectRules.Validate(draft);

        Assert.Equal(["The class name 'apple' is used twice."], problems);
    }

    [Fact]
    public void HotkeysThePageUsesAreRefused()
    {
        var draft = new ProjectDraft
        {
            Name = "Fruit",
            Classes = [new ClassDraft { Name = "apple", Hotkey = "c" }, new ClassDraft { Name = "pear", Hotkey = "2" }],
        };

        var problems = ProjectRules.Validate(draft);

        Assert.Single(problems);
        Assert.Contains("'c' of class 'apple'", problems[0]);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("r")]
    [InlineData("R")]
    [InlineData("[")]
    [InlineData("]")]
    public void AudioProjectRefusesThePlayersKeysAndNamesThem(string key)
    {
        var draft = new ProjectDraft
        {
            Name = "Voices",
            DataKind = DataKind.Audio,
            Classes = [new ClassDraft { Name = "en", Hotkey = key }, new ClassDraft { Name = "fr", Hotkey = "2" }],
        };

        var problems = ProjectRules.Validate(draft);

        Assert.Contains("[, ], c, i, r, space", Assert.Single(problems));
    }

    [Fact]
    public void TableAndImageProjectsKeepTheLetterR()
    {
        var draft = new ProjectDraft
        {
            Name = "Fruit",
            Classes = [new ClassDraft { Name = "red", Hotkey = "r" }, new ClassDraft { Name = "green", Hotkey = "g" }],
        };

        Assert.Empty(ProjectRules.Validate(draft));
        Assert.NotEmpty(ProjectRules.Validate(draft, DataKind.Audio));
    }
}
