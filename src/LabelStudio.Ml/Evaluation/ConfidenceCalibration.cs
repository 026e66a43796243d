namespace LabelStudio.Ml;

/// <summary>
/// How often a model is right at a given confidence, fitted on held-out predictions:
/// P(right) = σ(Slope · logit(top probability) + Intercept). Labels chosen by uncertainty sit where
/// the model is unsure, so their held-out accuracy understates the model on the rest of the pool;
/// how often it is right at a given confidence carries over, because an item is chosen for its
/// features, never for its class. Applied to the unlabeled pool's confidences it estimates the
/// accuracy there (docs/ml-engine.md).
/// </summary>
public sealed record ConfidenceCalibration(double Slope, double Intercept)
{
    /// <summary>Pulls the fit towards "the probabilities are right as they are", worth two predictions.</summary>
    private const double PriorWeight = 2;

    private const double Clip = 1e-6;

    public double ChanceRight(double topProbability) =>
        1 / (1 + Math.Exp(-(Slope * Logit(topProbability) + Intercept)));

    /// <summary>Mean chance of being right over the rows' top probabilities; NaN for no rows.</summary>
    public double ExpectedAccuracy(ProbabilityMatrix probabilities)
    {
        var sum = 0.0;
        for (var row = 0; row < probabilities.Count; row++)
        {
            sum += ChanceRight(Top(probabilities[row]));
        }

        return probabilities.Count == 0 ? double.NaN : sum / probabilities.Count;
    }

    /// <summary>Logistic regression of "right" on logit(top probability), by Newton's method.</summary>
    public static ConfidenceCalibration Fit(IReadOnlyList<double> topProbabilities, IReadOnlyList<bool> right)
    {
        double slope = 1, intercept = 0;
        for (var iteration = 0; iteration < 50; iteration++)
        {
            // Gradient and Hessian of the log-likelihood minus the prior's penalty.
            double gSlope = -PriorWeight * (slope - 1), gIntercept = -PriorWeight * intercept;
            double hSS = PriorWeight, hSI = 0, hII = PriorWeight;
            for (var i = 0; i < topProbabilities.Count; i++)
            {
                var z = Logit(topProbabilities[i]);
                var q = 1 / (1 + Math.Exp(-(slope * z + intercept)));
                var residual = (right[i] ? 1 : 0) - q;
                var weight = q * (1 - q);
                gSlope += residual * z;
                gIntercept += residual;
                hSS += weight * z * z;
                hSI += weight * z;
                hII += weight;
            }

            var determinant = hSS * hII - hSI * hSI;
            var stepSlope = (hII * gSlope - hSI * gIntercept) / determinant;
            var stepIntercept = (hSS * gIntercept - hSI * gSlope) / determinant;
            slope += stepSlope;
            intercept += stepIntercept;
            if (Math.Abs(stepSlope) + Math.Abs(stepIntercept) < 1e-9)
            {
                break;
            }
        }

        return new ConfidenceCalibration(slope, intercept);
    }

    private static double Top(ReadOnlySpan<float> probabilities) => probabilities[Classifier.ArgMax(probabilities)];

    private static double Logit(double p)
    {
        var clipped = Math.Clamp(p, Clip, 1 - Clip);
        return Math.Log(clipped / (1 - clipped));
    }
}
