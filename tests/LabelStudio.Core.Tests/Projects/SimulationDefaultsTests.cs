using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Projects;
using LabelStudio.Core.Training;
using LabelStudio.Ml.Simulation;

namespace LabelStudio.Core.Tests.Projects;

public sealed class SimulationDefaultsTests
{
    [Fact]
    public void SimulationsStartAndRetrainAsANewProjectDoes()
    {
        // The simulation's default batch stands for the app's round; figures measured with it only
        // describe the app while both agree.
        Assert.Equal(SimulationOptions.AppRoundSize, new Project { Name = "Any" }.RoundSize);
        Assert.Equal(SimulationOptions.AppRoundSize, new ProjectDraft().RoundSize);
        Assert.Equal(SimulationOptions.AppRoundSize, new SimulationOptions().BatchSize);
        Assert.Equal(new TrainingOptions().ColdStartSpread, new SimulationOptions().ColdStartSpread);
    }
}
