using LabelStudio.Ml.Images;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace LabelStudio.Ml.Tests.Images;

/// <summary>
/// The rewritten, batched graph must give what ML.NET's packaged pair of graphs gives at 224×224 (the
/// preprocessing graph, mean image subtracted, then the fixed-shape ResNet18, one image per call),
/// scaled to length √512.
/// </summary>
public sealed class PackagedGraphTests
{
    [Fact]
    public void BatchedEmbeddingAt224MatchesThePackagedGraphs()
    {
        var images = SampleImages.Load("bag", 1).Concat(SampleImages.Load("trouser", 1)).ToList();
        images.ForEach(image => image.Mutate(context => context.Resize(224, 224)));
        using var embedder = ImageEmbedders.Create(new ImageEmbedderOptions { BatchSize = 2 });

        var batched = embedder.Embed(images);
        var folder = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        using var preprocess = new InferenceSession(Path.Combine(folder, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
        using var network = new InferenceSession(Path.Combine(folder, "ResNet18Onnx", "ResNet18.onnx"));
        var packaged = images.Select(image => PackagedEmbedding(preprocess, network, image)).ToArray();

        for (var i = 0; i < images.Count; i++)
        {
            Assert.Equal(MathF.Sqrt(512), Length(batched[i]), 1e-3f);
            var expected = packaged[i].Select(x => x * MathF.Sqrt(512) / Length(packaged[i]));
            Assert.All(batched[i].Zip(expected), p => Assert.Equal(p.Second, p.First, 1e-3f));
        }

        Assert.True(Cosine(batched[0], batched[1]) < 0.99, "a bag and a trouser should not look identical");
    }

    private static float[] PackagedEmbedding(InferenceSession preprocess, InferenceSession network, Image<Rgb24> image)
    {
        var pixels = new DenseTensor<float>([1, 3, 224, 224]);
        for (var y = 0; y < 224; y++)
        {
            for (var x = 0; x < 224; x++)
            {
                var pixel = image[x, y];
                (pixels[0, 0, y, x], pixels[0, 1, y, x], pixels[0, 2, y, x]) = (pixel.R, pixel.G, pixel.B);
            }
        }

        using var prepared = preprocess.Run([NamedOnnxValue.CreateFromTensor("OriginalInput", pixels)]);
        var input = prepared[0].AsTensor<float>().ToDenseTensor();
        using var output = network.Run([NamedOnnxValue.CreateFromTensor("Input247", input)]);
        return output[0].AsEnumerable<float>().ToArray();
    }

    private static float Length(float[] vector) => MathF.Sqrt(vector.Sum(x => x * x));

    private static double Cosine(float[] a, float[] b)
    {
        var dot = a.Zip(b).Sum(p => (double)p.First * p.Second);
        return dot / Math.Sqrt(a.Sum(x => (double)x * x) * b.Sum(x => (double)x * x));
    }
}
