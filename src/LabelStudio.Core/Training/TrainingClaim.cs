namespace LabelStudio.Core.Training;

/// <summary>The right to train one project, with the request serial the run will satisfy.</summary>
internal sealed record TrainingClaim(int ProjectId, long Serial);
