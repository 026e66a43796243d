using Microsoft.AspNetCore.Authorization;

namespace LabelStudio.Web.Features.Access;

public sealed record ProjectPermissionRequirement(ProjectPermission Permission) : IAuthorizationRequirement;
