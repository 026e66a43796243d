namespace LabelStudio.Web.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo projects when the database is new. Tests turn it off to start empty.</summary>
    public bool Seed { get; set; } = true;
}
