using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace LabelStudio.Web.Tests.Hosting;

/// <summary>The app's pages as its assembly declares them, so a new page shows up in the tests by itself.</summary>
public static partial class RouteTable
{
    public sealed record Page(Type Component, string Template, bool AllowsAnonymous)
    {
        public string SamplePath => RouteTable.SamplePath(Template);
    }

    public static IReadOnlyList<Page> Pages { get; } = typeof(Program).Assembly.GetTypes()
        .Where(type => typeof(IComponent).IsAssignableFrom(type))
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>()
            .Select(route => new Page(type, route.Template, AllowsAnonymous(type))))
        .OrderBy(page => page.Template, StringComparer.Ordinal)
        .ToList();

    /// <summary>A concrete address for a route template: every int or long parameter becomes 1.</summary>
    public static string SamplePath(string template) => Parameter().Replace(template, match =>
        match.Groups["constraint"].Value switch
        {
            "int" or "long" => "1",
            var other => throw new InvalidOperationException(
                $"{template}: no sample value for '{match.Value}' ({other}); teach RouteTable one."),
        });

    private static bool AllowsAnonymous(Type component) =>
        component.GetCustomAttribute<AllowAnonymousAttribute>() is not null;

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex Parameter();
}
