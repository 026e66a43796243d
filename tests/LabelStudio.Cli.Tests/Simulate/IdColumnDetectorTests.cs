using LabelStudio.Cli.Simulate;

namespace LabelStudio.Cli.Tests.Simulate;

public sealed class IdColumnDetectorTests
{
    [Theory]
    [InlineData("Id")]
    [InlineData("ID")]
    [InlineData("uuid")]
    [InlineData("penguin_id")]
    [InlineData("Penguin ID")]
    [InlineData("row-id")]
    [InlineData("PenguinId")]
    [InlineData("PenguinID")]
    public void NamesThatSayIdAreRecognised(string name)
    {
        var says = IdColumnDetector.NameSaysId(name);

        Assert.True(says);
    }

    [Theory]
    [InlineData("Paid")]
    [InlineData("Valid")]
    [InlineData("Idea")]
    [InlineData("VOID")]
    [InlineData("Island")]
    public void WordsThatMerelyEndInIdAreNot(string name)
    {
        var says = IdColumnDetector.NameSaysId(name);

        Assert.False(says);
    }
}
