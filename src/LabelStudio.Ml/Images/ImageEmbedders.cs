using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LabelStudio.Ml.Images;

/// <summary>Opens the image embedder: ResNet18 when its model loads, otherwise the cheap fallback.</summary>
public static partial class ImageEmbedders
{
    /// <summary>
    /// Loads ResNet18 (a few seconds: open one embedder and share it). When the model file is missing or
    /// unreadable, logs a warning and returns the <see cref="ImageEmbedderNames.PixelHistogram"/> fallback;
    /// <see cref="IImageEmbedder.Name"/> says which one came back.
    /// </summary>
    public static IImageEmbedder Create(ImageEmbedderOptions options, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        try
        {
            var embedder = ResNet18Embedder.Load(options);
            LogLoaded(logger, embedder.Name, options.InputSize);
            return embedder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException
            or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or Google.Protobuf.InvalidProtocolBufferException
            or DllNotFoundException or TypeInitializationException)
        {
            LogFallback(logger, e, ImageEmbedderNames.PixelHistogram);
            return new PixelHistogramEmbedder();
        }
    }

    /// <summary>The cheap descriptor on its own, for projects whose vectors it already made.</summary>
    public static IImageEmbedder CreateFallback() => new PixelHistogramEmbedder();

    [LoggerMessage(Level = LogLevel.Information, Message = "Image embedder {Embedder} loaded, input {InputSize} px")]
    private static partial void LogLoaded(ILogger logger, string embedder, int inputSize);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The ResNet18 model could not load; images are embedded by the {Embedder} fallback")]
    private static partial void LogFallback(ILogger logger, Exception exception, string embedder);
}
