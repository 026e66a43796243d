namespace LabelStudio.Web.Features.Admin;

/// <summary>An account as the admin's users page lists it.</summary>
public sealed record UserRow(
    string Id, string Email, string DisplayName, string Role, bool Active, bool HasPassword, bool LockedOut);
