using Google.Protobuf;
using Onnx;

namespace LabelStudio.Ml.Images;

/// <summary>
/// The packaged ResNet18 ONNX graph made to take batches of any square size. The file fixes its input at
/// [1,3,224,224] and ends in a 7×7 average pool; the convolutions themselves accept any size, so the
/// batch and image dimensions become symbolic and the pool becomes a global average pool (the same
/// result at 224, and still one 512-float vector per image at other sizes).
/// </summary>
internal sealed record ResNetGraph(byte[] Model, string InputName, string OutputName, MeanImage Mean)
{
    public const int Dimension = 512;

    private const string BatchDimension = "batch";
    private const string HeightDimension = "height";
    private const string WidthDimension = "width";

    public static string DefaultModelPath =>
        Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    /// <summary>The mean image subtracted before the network lives in the package's preprocessing graph.</summary>
    public static string PreprocessPathBeside(string modelPath) => Path.Combine(
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(modelPath)))!,
        "ResNetPrepOnnx",
        "ResNetPreprocess.onnx");

    public static ResNetGraph Load(string modelPath)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath));
        var graph = model.Graph;
        var input = Single(graph.Input.Where(i => graph.Initializer.All(t => t.Name != i.Name)), modelPath, "input");
        var output = Single(graph.Output, modelPath, "output");

        SetDimensions(input, Symbol(BatchDimension), Size(3), Symbol(HeightDimension), Symbol(WidthDimension));
        SetDimensions(output, Symbol(BatchDimension), Size(Dimension), Size(1), Size(1));
        graph.ValueInfo.Clear();
        foreach (var pool in graph.Node.Where(n => n.Output.Contains(output.Name) && n.OpType == "AveragePool"))
        {
            pool.OpType = "GlobalAveragePool";
            pool.Attribute.Clear();
        }

        var mean = ReadMeanImage(PreprocessPathBeside(modelPath));
        return new ResNetGraph(model.ToByteArray(), input.Name, output.Name, mean);
    }

    /// <summary>The package's mean image: blue, green and red planes of 224×224.</summary>
    private static MeanImage ReadMeanImage(string preprocessPath)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(preprocessPath));
        var mean = Single(model.Graph.Initializer, preprocessPath, "initializer");
        var values = mean.FloatData.Count > 0
            ? mean.FloatData.ToArray()
            : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(mean.RawData.Span).ToArray();
        var dims = mean.Dims;
        if (dims.Count != 4 || dims[1] != 3 || dims[2] != dims[3] || values.Length != 3 * dims[2] * dims[3])
        {
            throw new InvalidDataException($"{preprocessPath}: the mean image is not a [1,3,S,S] float tensor.");
        }

        return new MeanImage((int)dims[2], values);
    }

    private static void SetDimensions(ValueInfoProto value, params TensorShapeProto.Types.Dimension[] dimensions)
    {
        var shape = value.Type.TensorType.Shape;
        shape.Dim.Clear();
        shape.Dim.Add(dimensions);
    }

    private static TensorShapeProto.Types.Dimension Symbol(string name) => new() { DimParam = name };

    private static TensorShapeProto.Types.Dimension Size(long value) => new() { DimValue = value };

    private static T Single<T>(IEnumerable<T> items, string path, string what)
    {
        var list = items.Take(2).ToList();
        return list.Count == 1
            ? list[0]
            : throw new InvalidDataException($"{path}: expected one graph {what}, found {list.Count}.");
    }
}
