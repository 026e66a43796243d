namespace LabelStudio.Web.Features.Access;

/// <summary>
/// Authorization policy names for project-scoped pages and endpoints. Each reads the project id from the
/// route and asks <see cref="ProjectAccess"/>, so the rule is enforced on the server before a page renders.
/// </summary>
public static class ProjectPolicies
{
    public const string View = "Project.View";
    public const string Label = "Project.Label";
    public const string Export = "Project.Export";

    /// <summary>With a project id: lead the project. Without one (a new project): be an admin or a lead.</summary>
    public const string Manage = "Project.Manage";

    public static readonly IReadOnlyDictionary<string, ProjectPermission> Permissions =
        new Dictionary<string, ProjectPermission>
        {
            [View] = ProjectPermission.View,
            [Label] = ProjectPermission.Label,
            [Export] = ProjectPermission.Export,
            [Manage] = ProjectPermission.Manage,
        };
}
