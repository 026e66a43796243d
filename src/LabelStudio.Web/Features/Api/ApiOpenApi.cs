using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LabelStudio.Web.Features.Api;

/// <summary>The OpenAPI document: only /api/v1, with the bearer token scheme every operation needs.</summary>
internal static class ApiOpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/api/{documentName}/openapi.json";
    private const string SchemeName = "bearer";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/") == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "LabelStudio API",
                Version = "v1",
                Description = "Label data through LabelStudio with a personal access token. " +
                    "Create one on your tokens page (/account/tokens) and send it as " +
                    "'Authorization: Bearer lst_...'. A query parameter an operation does not list is refused " +
                    "with 400 naming it.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token (lst_...).",
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] },
            ];
            return Task.CompletedTask;
        });
    }
}
