using LabelStudio.Web.Features.Account;
using LabelStudio.Web.Features.Admin;
using LabelStudio.Web.Tests.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace LabelStudio.Web.Tests.Account;

/// <summary>One-time links set a password once, under the password policy.</summary>
public sealed class InvitationTests
{
    [Fact]
    public async Task AnInvitationLinkSetsAPasswordOnceAndCannotBeUsedAgain()
    {
        using var data = new TempDirectory();
        await using var app = new AppFactory(data.Path, "the admin password", seedDemo: false);
        await using var scope = app.Services.CreateAsyncScope();
        var (admin, userId, token) = await InviteAsync(scope.ServiceProvider);

        var first = await admin.RedeemAsync(userId, token, "a long enough password");
        var second = await admin.RedeemAsync(userId, token, "another long password");

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
    }

    [Fact]
    public async Task AnInvitationRefusesAShortPasswordAndStaysUsable()
    {
        using var data = new TempDirectory();
        await using var app = new AppFactory(data.Path, "the admin password", seedDemo: false);
        await using var scope = app.Services.CreateAsyncScope();
        var (admin, userId, token) = await InviteAsync(scope.ServiceProvider);

        var tooShort = await admin.RedeemAsync(userId, token, "short1");
        var longer = await admin.RedeemAsync(userId, token, "now ten chars+");

        Assert.Contains(tooShort.Errors, e => e.Code == "PasswordTooShort");
        Assert.True(longer.Succeeded);
    }

    private static async Task<(UserAdminService Admin, string UserId, string Token)> InviteAsync(
        IServiceProvider services)
    {
        var admin = services.GetRequiredService<UserAdminService>();
        var path = await admin.InviteAsync("new.annotator@labelstudio.test", "New", Roles.Annotator);
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), path).Query);
        return (admin, query["user"].ToString(), query["token"].ToString());
    }
}
