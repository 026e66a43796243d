namespace LabelStudio.Core.Export.Writers;

internal static class ExportWriters
{
    public static IExportWriter Create(ExportSchema schema, ExportTarget target) => schema.Options.Format switch
    {
        ExportFormat.Csv => new CsvExportWriter(schema, target.Archive),
        ExportFormat.JsonLines => new JsonLinesExportWriter(schema, target.Archive),
        ExportFormat.Parquet => new ParquetExportWriter(schema, target),
        ExportFormat.LabelStudio => new LabelStudioExportWriter(schema, target.Archive),
        ExportFormat.MediaFolder => new MediaFolderExportWriter(schema, target),
        _ => throw new ArgumentOutOfRangeException(nameof(schema), schema.Options.Format, "Unknown export format."),
    };
}
