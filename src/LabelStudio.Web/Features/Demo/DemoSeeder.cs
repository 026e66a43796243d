namespace LabelStudio.Web.Features.Demo;

internal sealed class DemoSeeder
{
    public Task SeedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
