using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Media.Audio;

namespace LabelStudio.Core.Media;

/// <summary>What differs between an image and an audio import: the words, and how one file is processed.</summary>
internal sealed record MediaKindRules(
    string Singular,
    string Plural,
    string Accepted,
    int ProgressEvery,
    Func<MediaFile, string, int, MediaOptions, ProcessedMedia> Process)
{
    public static readonly MediaKindRules Images =
        new("image", "images", ImageFormats.Accepted, 100, ImageProcessor.Process);

    /// <summary>A clip takes far longer than an image (decode, resample, pictures): progress moves sooner.</summary>
    public static readonly MediaKindRules Audio =
        new("clip", "clips", AudioFileProcessor.Accepted, 10, AudioFileProcessor.Process);

    public static MediaKindRules For(DataKind kind) => kind == DataKind.Audio ? Audio : Images;
}
