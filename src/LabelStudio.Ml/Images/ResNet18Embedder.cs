using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelStudio.Ml.Images;

/// <summary>
/// 512-float embeddings from the pretrained ResNet18 of ML.NET's DnnImageFeaturizer package, run by ONNX
/// Runtime on the CPU in batches. ML.NET's own image pipeline feeds the fixed-shape graph one image at a
/// time (about 10 images/s on 2 cores); batching the rewritten graph is several times faster.
/// </summary>
internal sealed class ResNet18Embedder : IImageEmbedder
{
    private readonly InferenceSession session;
    private readonly string inputName;
    private readonly ImageEmbedderOptions options;
    private readonly float[] mean;

    // The graph bytes are not kept: the session holds its own copy of the weights.
    private ResNet18Embedder(InferenceSession session, ResNetGraph graph, ImageEmbedderOptions options)
    {
        this.session = session;
        inputName = graph.InputName;
        this.options = options;
        mean = graph.Mean.For(options.InputSize);
    }

    public string Name => ImageEmbedderNames.ResNet18;

    public int Dimension => ResNetGraph.Dimension;

    public static ResNet18Embedder Load(ImageEmbedderOptions options)
    {
        CheckOptions(options);
        var graph = ResNetGraph.Load(options.ModelPath ?? ResNetGraph.DefaultModelPath);
        using var settings = new SessionOptions
        {
            IntraOpNumThreads = options.Threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        // Idle worker threads would otherwise spin on cores the web requests need.
        settings.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new ResNet18Embedder(new InferenceSession(graph.Model, settings), graph, options);
    }

    public float[][] Embed(IReadOnlyList<Image<Rgb24>> images, CancellationToken ct = default)
    {
        var vectors = new float[images.Count][];
        for (var start = 0; start < images.Count; start += options.BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(options.BatchSize, images.Count - start);
            EmbedBatch(images, start, count, vectors);
        }

        return vectors;
    }

    public void Dispose() => session.Dispose();

    private void EmbedBatch(IReadOnlyList<Image<Rgb24>> images, int start, int count, float[][] vectors)
    {
        // 1. Preprocess the batch in parallel: resizing large photos costs as much as a small network call.
        var size = options.InputSize;
        var perImage = 3 * size * size;
        var input = new float[count * perImage];
        Parallel.For(
            0,
            count,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
            i => ImageTensor.Write(images[start + i], size, mean, input.AsSpan(i * perImage, perImage)));

        // 2. One network call for the whole batch; the output is [count,512,1,1].
        var tensor = new DenseTensor<float>(input, [count, 3, size, size]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
        var output = results[0].AsEnumerable<float>().ToArray();
        for (var i = 0; i < count; i++)
        {
            vectors[start + i] = ScaledToRootDimension(output.AsSpan(i * Dimension, Dimension));
        }
    }

    /// <summary>
    /// Each vector is scaled to length √512, so its features have a root mean square of 1 like standardized
    /// table features, the scale the trainer's regularization is set for. On Fashion-MNIST it raised test
    /// accuracy at every label count past the first few dozen (see docs/images-ml.md).
    /// </summary>
    private static float[] ScaledToRootDimension(ReadOnlySpan<float> pooled)
    {
        var vector = pooled.ToArray();
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        var factor = length > 0 ? MathF.Sqrt(ResNetGraph.Dimension) / length : 0;
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] *= factor;
        }

        return vector;
    }

    private static void CheckOptions(ImageEmbedderOptions options)
    {
        if (options.InputSize is < 32 or > 448 || options.InputSize % 32 != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.InputSize, "InputSize must be a multiple of 32 from 32 to 448.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options.Threads));
    }
}
