using AngleSharp.Html.Parser;

namespace LabelStudio.Web.Tests.Hosting;

/// <summary>Fills in and posts the login page's form the way a browser without scripts would.</summary>
public static class LoginForm
{
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/login" : $"/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var document = new HtmlParser().ParseDocument(await client.GetStringAsync(path));
        var form = document.QuerySelector("form") ?? throw new InvalidOperationException("The login page has no form.");

        // Hidden fields carry the antiforgery token and the form's handler name.
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        fields[NameOf(form, "#email")] = email;
        fields[NameOf(form, "#password")] = password;

        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Logs in with the fixture's admin and fails loudly when that does not work.</summary>
    public static async Task LogInAsAdminAsync(HttpClient client, string password)
    {
        using var response = await PostAsync(client, AppFactory.AdminEmail, password);
        if (response.Headers.Location is null)
        {
            throw new InvalidOperationException($"Login did not redirect: {(int)response.StatusCode}.");
        }
    }

    private static string NameOf(AngleSharp.Dom.IElement form, string selector) =>
        form.QuerySelector(selector)?.GetAttribute("name")
        ?? throw new InvalidOperationException($"The login form has no {selector} field with a name.");
}
