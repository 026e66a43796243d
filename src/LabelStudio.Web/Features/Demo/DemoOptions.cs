namespace LabelStudio.Web.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo projects when the database is new. Tests turn it off to start empty.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>
    /// Also seed the Fashion-MNIST image project. Its import and featurizing run in the background;
    /// tests that do not need it turn it off to keep the machine free.
    /// </summary>
    public bool Images { get; set; } = true;

    /// <summary>
    /// Also seed the spoken-language audio project, imported and featurized in the background like the
    /// image project. Tests that do not need it turn it off.
    /// </summary>
    public bool Audio { get; set; } = true;

    /// <summary>The import folder name under which the image sample is offered.</summary>
    public const string ImageSampleFolder = "Fashion-MNIST sample";

    public static string ImageSamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "fashion-mnist");

    /// <summary>The import folder name under which the audio sample is offered.</summary>
    public const string AudioSampleFolder = "Spoken-language sample";

    public static string AudioSamplePath => Path.Combine(AppContext.BaseDirectory, "samples", "spoken-language");
}
