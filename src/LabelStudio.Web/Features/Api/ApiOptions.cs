namespace LabelStudio.Web.Features.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests one token may make in a minute; bursts up to this many, refilled evenly.</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Largest JSON request body; import files have their own limit (Storage:MaxUploadBytes).</summary>
    public int MaxJsonBytes { get; set; } = 64 * 1024;
}
