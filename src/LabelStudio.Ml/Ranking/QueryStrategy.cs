using System.Text.Json.Serialization;

namespace LabelStudio.Ml;

/// <summary>How the next items to label are chosen from the unlabeled pool.</summary>
[JsonConverter(typeof(QueryStrategyJsonConverter))]
public enum QueryStrategy
{
    Random,
    LeastConfidence,
    Margin,
    Entropy,
}
