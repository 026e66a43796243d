namespace LabelStudio.Web.Features.Access;

/// <summary>What a user wants to do in a project; <see cref="ProjectAccess"/> decides whether they may.</summary>
public enum ProjectPermission
{
    View,
    Label,
    Export,
    Manage,
}
