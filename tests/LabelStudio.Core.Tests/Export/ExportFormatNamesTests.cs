using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Export;

namespace LabelStudio.Core.Tests.Export;

public sealed class ExportFormatNamesTests
{
    [Theory]
    [InlineData(DataKind.Image, "Image folder")]
    [InlineData(DataKind.Audio, "Audio folder")]
    public void AMediaFolderIsNamedAfterWhatTheProjectHolds(DataKind kind, string expected)
    {
        var name = ExportFormatNames.Display(ExportFormat.MediaFolder, kind);

        Assert.Equal(expected, name);
    }

    [Fact]
    public void TableFormatsReadAsPeopleWriteThem()
    {
        var names = Enum.GetValues<ExportFormat>().Where(f => f != ExportFormat.MediaFolder)
            .Select(f => ExportFormatNames.Display(f, DataKind.Table));

        Assert.Equal(["CSV", "JSON lines", "Parquet", "Label Studio JSON"], names);
    }
}
