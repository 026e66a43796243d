using Bunit;
using LabelStudio.Core.Items;
using LabelStudio.Web.Features.Labeling;
using LabelStudio.Web.Tests.Rendering;

namespace LabelStudio.Web.Tests.Labeling;

public sealed class FieldTableTests : ComponentTestBase
{
    private static readonly string Essay = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 6_000));

    [Fact]
    public void AVeryLongValueIsClampedToAPrefixWithAToggleNamingItsLength()
    {
        var table = Render<FieldTable>(p => p.Add(t => t.Fields, Fields()).Add(t => t.ExternalId, "row-1"));

        var value = table.Find(".long-value");
        Assert.Contains("clamped", value.ClassName);
        Assert.True(value.TextContent.Length < 2_000);
        Assert.Contains($"Show all {Essay.Length:N0} characters", table.Find(".long-value-toggle").TextContent);
        Assert.Equal("short", table.FindAll("td")[1].TextContent.Trim());
    }

    [Fact]
    public void ShowAllOpensTheWholeValueUntilTheNextItem()
    {
        var table = Render<FieldTable>(p => p.Add(t => t.Fields, Fields()).Add(t => t.ExternalId, "row-1"));

        table.Find(".long-value-toggle").Click();

        Assert.Contains("expanded", table.Find(".long-value").ClassName);
        Assert.Equal(Essay.Trim(), table.Find(".long-value").TextContent.Trim());
        table.Render(p => p.Add(t => t.ExternalId, "row-2"));
        Assert.Contains("clamped", table.Find(".long-value").ClassName);
    }

    private static List<ItemField> Fields() => [new("text", Essay, false), new("note", "short", false)];
}
