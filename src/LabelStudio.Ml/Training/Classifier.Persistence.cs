using System.Text;
using Microsoft.ML;

namespace LabelStudio.Ml;

/// <summary>
/// Model file: a short header of our own (format, sizes, class mapping) then the ML.NET model zip,
/// so a saved model still answers in our class indices after loading.
/// </summary>
public sealed partial class Classifier
{
    private const string Magic = "LSML";
    private const int FormatVersion = 1;

    public void Save(Stream stream)
    {
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(ClassCount);
            writer.Write(FeatureCount);
            writer.Write(_presentClasses.Length);
            foreach (var trainedClass in _presentClasses)
            {
                writer.Write(trainedClass);
            }

            writer.Write(_model is not null);
        }

        if (_model is not null)
        {
            // The schema is only needed to rebuild the pipeline on load; rows are never stored.
            lock (_ml)
            {
                var input = FeatureData.ForScoring(_ml, [], FeatureCount);
                _ml.Model.Save(_model, input.Schema, stream);
            }
        }
    }

    public static Classifier Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a LabelStudio model file, or a newer format.");
        }

        var classCount = reader.ReadInt32();
        var featureCount = reader.ReadInt32();
        var presentClasses = new int[reader.ReadInt32()];
        for (var i = 0; i < presentClasses.Length; i++)
        {
            presentClasses[i] = reader.ReadInt32();
        }

        var ml = new MLContext(seed: 0);
        var model = reader.ReadBoolean() ? ml.Model.Load(stream, out _) : null;
        return new Classifier(ml, model, classCount, featureCount, presentClasses);
    }
}
