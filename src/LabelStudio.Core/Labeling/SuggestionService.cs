using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Features;
using LabelStudio.Core.Training;
using LabelStudio.Ml;

namespace LabelStudio.Core.Labeling;

/// <summary>The current model's guess for an item, shown to annotators only when the project asks for it.</summary>
public sealed record Suggestion(int ClassId, string ClassName, float Probability, int ModelVersion);

public sealed class SuggestionService(ModelCache models, FeatureStore features)
{
    public async Task<Suggestion?> SuggestAsync(Project project, long itemId, CancellationToken cancellationToken)
    {
        if (!project.ShowSuggestions)
        {
            return null;
        }

        var model = await models.LatestAsync(project.Id, cancellationToken);
        var vectors = await features.GetAsync(project.Id, cancellationToken);
        if (model is null || !vectors.TryGetValue(itemId, out var vector))
        {
            return null;
        }

        // Class indices are the classes' ordinals, the order the trainer was given them in.
        var probabilities = model.Classifier.PredictProbabilities([vector])[0];
        var best = Classifier.ArgMax(probabilities);
        var labelClass = project.Classes.OrderBy(c => c.Ordinal).ElementAtOrDefault(best);
        return labelClass is null
            ? null
            : new Suggestion(labelClass.Id, labelClass.Name, probabilities[best], model.Version);
    }
}
