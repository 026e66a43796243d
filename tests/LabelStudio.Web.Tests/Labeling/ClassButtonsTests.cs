using Bunit;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Web.Features.Labeling;
using LabelStudio.Web.Tests.Rendering;

namespace LabelStudio.Web.Tests.Labeling;

public sealed class ClassButtonsTests : ComponentTestBase
{
    [Fact]
    public void OneButtonPerClassInProjectOrderWithItsHotkeyAndColour()
    {
        var buttons = Render<ClassButtons>(p => p.Add(b => b.Classes, Project.Classes)).FindAll("button.class-button");

        Assert.Equal(ClassNames, buttons.Select(b => b.GetAttribute("data-class")));
        Assert.Equal(["1", "2", "3"], buttons.Select(b => b.QuerySelector("kbd")?.TextContent));
        Assert.Equal(
            Project.Classes.Select(c => $"--class-color: {c.Color}"),
            buttons.Select(b => b.GetAttribute("style")));
    }

    [Fact]
    public void ClassWithoutAHotkeyShowsNoKey()
    {
        LabelClass[] classes = [new() { Id = 7, Name = "Other", Hotkey = "" }];

        var button = Render<ClassButtons>(p => p.Add(b => b.Classes, classes)).Find("button.class-button");

        Assert.Null(button.QuerySelector("kbd"));
        Assert.Equal("Other", button.TextContent.Trim());
    }

    [Fact]
    public void CurrentClassIsTheOnlyOneMarked()
    {
        var current = ClassNamed("Pear");

        var buttons = Render<ClassButtons>(p => p
            .Add(b => b.Classes, Project.Classes)
            .Add(b => b.CurrentClassId, current.Id));

        Assert.Equal(["Pear"], buttons.FindAll("button.current").Select(b => b.GetAttribute("data-class")));
    }

    [Fact]
    public void DisabledButtonsCannotBePressed()
    {
        var buttons = Render<ClassButtons>(p => p.Add(b => b.Classes, Project.Classes).Add(b => b.Disabled, true));

        Assert.All(buttons.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void ClickingAButtonPicksThatClass()
    {
        var picked = new List<int>();
        var buttons = Render<ClassButtons>(p => p.Add(b => b.Classes, Project.Classes).Add(b => b.OnPick, picked.Add));

        buttons.Find("button[data-class=Plum]").Click();
        buttons.Find("button[data-class=Apple]").Click();

        Assert.Equal([ClassNamed("Plum").Id, ClassNamed("Apple").Id], picked);
    }

    [Fact]
    public void FiftyClassesGetCompactButtonsEachShowingItsKeyWhileKeysLast()
    {
        LabelClass[] classes =
        [
            .. Enumerable.Range(0, 50).Select(i => new LabelClass
            {
                Id = 100 + i,
                Name = $"class_{i}",
                Hotkey = i < ClassDefaults.HotkeyOrder.Count ? ClassDefaults.HotkeyOrder[i] : "",
            }),
        ];

        var buttons = Render<ClassButtons>(p => p.Add(b => b.Classes, classes));

        Assert.Contains("many", buttons.Find("#class-buttons").ClassName);
        Assert.Equal(
            ClassDefaults.HotkeyOrder,
            buttons.FindAll("button.class-button kbd").Select(k => k.TextContent));
    }

    [Fact]
    public void EveryOneCharacterPageKeyIsInTheReservedSetClassesMayNotTake() =>
        Assert.All(
            LabelingKeys.PageKeys.Where(k => k.Length == 1),
            key => Assert.Contains(key, ReservedKeys.All));
}
