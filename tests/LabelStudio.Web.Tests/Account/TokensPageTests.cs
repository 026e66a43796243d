using Bunit;
using LabelStudio.Core.ApiTokens;
using LabelStudio.Core.Data.Entities;
using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Tests.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace LabelStudio.Web.Tests.Account;

public sealed class TokensPageTests : ComponentTestBase
{
    [Fact]
    public async Task RevokeAsksFirstNamingTheTokenAndKeepsItWhenTheUserDeclines()
    {
        await CreateTokenAsync("nightly export");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<TokensPage>();

        // The click's handler waits for the dialog's answer, so it is awaited only after answering.
        var revoking = page.Find("button.revoke-token").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Contains("nightly export", dialogs.Markup));
        Assert.Null((await TokensAsync()).Single().RevokedAt);
        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("Keep it")).ClickAsync(new());
        await revoking;
        Assert.Null((await TokensAsync()).Single().RevokedAt);
    }

    [Fact]
    public async Task ConfirmingTheDialogRevokesTheToken()
    {
        await CreateTokenAsync("nightly export");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<TokensPage>();

        var revoking = page.Find("button.revoke-token").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Revoke nightly export", dialogs.Markup));
        await dialogs.FindAll("button").Single(b => b.TextContent.Contains("Revoke nightly export")).ClickAsync(new());
        await revoking;

        page.WaitForAssertion(() => Assert.Contains("revoked", page.Find("#tokens").TextContent));
        Assert.NotNull((await TokensAsync()).Single().RevokedAt);
    }

    private Task CreateTokenAsync(string name) => Services.GetRequiredService<ApiTokenService>()
        .CreateAsync(UserId, name, ApiTokenScope.Read, null, CancellationToken.None);

    private Task<IReadOnlyList<ApiToken>> TokensAsync() =>
        Services.GetRequiredService<ApiTokenService>().ListAsync(UserId, CancellationToken.None);
}
