using System.Text.RegularExpressions;

namespace LabelStudio.Browser.Tests.Infrastructure;

/// <summary>What an admin and a lead do through the pages to set a team up, step by step.</summary>
internal static partial class TeamSteps
{
    /// <summary>Invites an account from /admin/users and returns the one-time link the page shows.</summary>
    public static async Task<string> InviteAsync(IPage admin, string email, string role)
    {
        await admin.Locator("#new-user-email").FillAsync(email);
        // MudSelect keeps its id on a hidden input: the visible field is its parent. The form keeps the
        // last role chosen, so the role is picked every time.
        await admin.Locator("#new-user-role").Locator("xpath=..").ClickAsync();
        await admin.Locator(".mud-popover-open .mud-list-item").GetByText(role, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.Locator("#new-user-role")).ToHaveValueAsync(role);
        await admin.Locator("#add-user").ClickAsync();
        var link = admin.Locator("#one-time-link-url");
        await Assertions.Expect(admin.Locator("#one-time-link")).ToContainTextAsync(email);
        return (await link.InnerTextAsync()).Trim();
    }

    /// <summary>Opens the link in a fresh browser, sets a password and logs in with it.</summary>
    public static async Task<IPage> AcceptInvitationAsync(AppFixture app, string link, string email)
    {
        var page = await app.NewPageAsync(viewportHeight: 900);
        var password = $"{email}-secret";
        await page.GotoAsync(link);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#confirm").FillAsync(password);
        await page.Locator("#invite-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await LoginForm.SubmitAsync(page, new Credentials(email, password));
        await Assertions.Expect(page.Locator("#projects-title")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Creates a table project with three penguin classes and the given overlap; returns its id.</summary>
    public static async Task<int> CreatePenguinProjectAsync(IPage lead, string name, int overlap, int roundSize)
    {
        await lead.GotoAsync("/projects/new");
        await lead.WaitUntilLiveAsync();
        await lead.Locator("#project-name").FillAsync(name);
        await lead.GetByLabel("Instructions for annotators").FillAsync("Heavy birds are Gentoo. Check the island.");
        await lead.GetByLabel("Round size (labels between retrains)").FillAsync($"{roundSize}");
        await lead.Locator("#overlap").FillAsync($"{overlap}");
        foreach (var (species, index) in new[] { "Adelie", "Chinstrap", "Gentoo" }.Select((s, i) => (s, i)))
        {
            // A new project offers two empty classes to start with.
            if (await lead.Locator(".class-editor-row").CountAsync() <= index)
            {
                await lead.GetByText("Add class").ClickAsync();
            }
            await lead.Locator(".class-editor-row").Nth(index).GetByLabel("Name").FillAsync(species);
        }
        await lead.Locator("#save-project").ClickAsync();
        await lead.WaitForURLAsync(ProjectPage());
        var id = ProjectPage().Match(lead.Url).Groups[1].Value;
        return int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Imports samples/penguins.csv with its Species column kept hidden as the answer key.</summary>
    public static async Task ImportPenguinsAsync(IPage lead, int projectId)
    {
        await lead.GotoAsync($"/projects/{projectId}/import");
        await lead.WaitUntilLiveAsync();
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "penguins.csv");
        await lead.Locator("#import-file[data-ready]").SetInputFilesAsync(sample);
        await lead.Locator("select[aria-label='Use of Species']").SelectOptionAsync("Label");
        await lead.GetByText("Keep it hidden as ground truth").ClickAsync();
        await lead.Locator("#start-import").ClickAsync();
        await Assertions.Expect(lead.Locator(".import-job[data-status='Succeeded']"))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    public static async Task AddMemberAsync(IPage lead, int projectId, string email)
    {
        if (!lead.Url.EndsWith($"/projects/{projectId}/members", StringComparison.Ordinal))
        {
            await lead.GotoAsync($"/projects/{projectId}/members");
            await lead.WaitUntilLiveAsync();
        }
        await lead.Locator("#member-email").FillAsync(email);
        await lead.Locator("#add-member").ClickAsync();
        await Assertions.Expect(lead.Locator("#member-list")).ToContainTextAsync(email);
    }

    [GeneratedRegex(@"/projects/(\d+)$")]
    private static partial Regex ProjectPage();
}
