using LabelStudio.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Core.Tests.Media;

/// <summary>Phone photos store their pixels sideways and an EXIF tag saying how to turn them.</summary>
public sealed class ImageOrientationTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AJpegTaggedToTurnAQuarterIsShownAndMeasuredTurned()
    {
        // Stored 40 wide and 20 high, dark on the left; tag 6 means "turn a quarter clockwise to view".
        var project = await _database.CreateImageProjectAsync();

        var job = await _database.ImportZipAsync(project.Id, TestImages.Zip(("portrait.jpg", SidewaysJpeg())));

        Assert.Equal(LabelStudio.Core.Data.Entities.JobStatus.Succeeded, job.Status);
        await using var db = await _database.ContextAsync();
        var media = await db.ItemMedia.SingleAsync();
        Assert.Equal((20, 40), (media.Width, media.Height));
        var displayPath = Path.Combine(_database.Root, media.StoredFolder, media.DisplayFile);
        using var display = await Image.LoadAsync<Rgb24>(displayPath);
        Assert.Equal((20, 40), (display.Width, display.Height));
        // Turned clockwise, the dark left side is now the top.
        Assert.True(display[10, 5].R < 60, $"top is {display[10, 5]}");
        Assert.True(display[10, 35].R > 200, $"bottom is {display[10, 35]}");
        Assert.Null(display.Metadata.ExifProfile?.GetValue(ExifTag.Orientation));
    }

    private static byte[] SidewaysJpeg()
    {
        using var image = new Image<Rgb24>(40, 20);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = x < 20 ? new Rgb24(10, 10, 10) : new Rgb24(245, 245, 245);
                }
            }
        });
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, (ushort)6);
        using var buffer = new MemoryStream();
        image.SaveAsJpeg(buffer);
        return buffer.ToArray();
    }
}
