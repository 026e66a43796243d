using LabelStudio.Core.Data.Entities;

namespace LabelStudio.Core.Export;

/// <summary>
/// The words a person reads for an export format, in the dialog, the export list and the activity
/// feed. The enum names are for code; the API and manifests spell formats their own way.
/// </summary>
public static class ExportFormatNames
{
    public static string Display(ExportFormat format, DataKind kind) => format switch
    {
        ExportFormat.Csv => "CSV",
        ExportFormat.JsonLines => "JSON lines",
        ExportFormat.Parquet => "Parquet",
        ExportFormat.LabelStudio => "Label Studio JSON",
        ExportFormat.MediaFolder => kind == DataKind.Audio ? "Audio folder" : "Image folder",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };
}
