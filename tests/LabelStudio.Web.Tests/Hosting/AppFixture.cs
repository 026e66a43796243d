namespace LabelStudio.Web.Tests.Hosting;

/// <summary>One started app with the demo project and a known admin password, shared by a test class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string AdminPassword = "correct horse battery staple";

    private readonly TempDirectory _data = new();

    public AppFixture() => App = new AppFactory(_data.Path, AdminPassword, seedDemo: true);

    public AppFactory App { get; }

    public Task InitializeAsync()
    {
        // Starting the server runs migrations, the admin bootstrap and the demo seed once for the class.
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _data.Dispose();
    }
}
