namespace LabelStudio.Web.Features.Api;

/// <summary>One endpoint as the docs page shows it; <c>{base}</c> in the example is the server's address.</summary>
public sealed record ApiEndpointDoc(string Method, string Path, string Scope, string Summary, string Example);

/// <summary>The endpoints of /api/v1 with a curl line each, for the in-app docs page.</summary>
public static class ApiReference
{
    private const string Auth = "-H \"Authorization: Bearer $TOKEN\"";

    public static IReadOnlyList<ApiEndpointDoc> Endpoints { get; } =
    [
        new("GET", "/api/v1/projects", "read", "The projects you may see, with counts and the model version.",
            $"curl {Auth} {{base}}api/v1/projects"),
        new("GET", "/api/v1/projects/{id}", "read", "One project's settings, classes and counts.",
            $"curl {Auth} {{base}}api/v1/projects/1"),
        new("POST", "/api/v1/projects", "read-write",
            "Create a project (Admin or Lead); kind is table (default), image or audio.",
            $"curl {Auth} -H 'Content-Type: application/json' \\\n" +
            "  -d '{\"name\": \"Fruit\", \"classes\": [\"apple\", \"pear\"], \"roundSize\": 20}' \\\n" +
            "  {base}api/v1/projects"),
        new("POST", "/api/v1/projects/{id}/imports", "read-write",
            "Upload a CSV, TSV or JSON lines file and queue its import (leads). Query: fileName (required), " +
            "idColumn, labelColumn, labelMode=labels|hidden, features=a,b (default: every other column), " +
            "addMissingClasses=true. Image and audio projects take a ZIP: skipBadFiles=true, " +
            "classFolders=labels|hidden|ignore. Unknown parameters are refused.",
            $"curl {Auth} --data-binary @fruit.csv \\\n" +
            "  '{base}api/v1/projects/2/imports?fileName=fruit.csv&idColumn=id&labelColumn=label'"),
        new("GET", "/api/v1/projects/{id}/imports/{jobId}", "read",
            "Poll an import: status queued, running, succeeded or failed, progress, and every error by line.",
            $"curl {Auth} {{base}}api/v1/projects/2/imports/7"),
        new("POST", "/api/v1/projects/{id}/next", "read-write",
            "Lease the item you should label now (the same one again until you decide); 204 when none is left.",
            $"curl -X POST {Auth} {{base}}api/v1/projects/1/next"),
        new("POST", "/api/v1/projects/{id}/labels", "read-write",
            "Label the leased item with a class name, or skip it; 409 when the item moved on without you. " +
            "A lease is the user's: give each worker its own user and token.",
            $"curl {Auth} -H 'Content-Type: application/json' \\\n" +
            "  -d '{\"itemId\": 42, \"leaseId\": 17, \"class\": \"Adelie\"}' {base}api/v1/projects/1/labels"),
        new("GET", "/api/v1/projects/{id}/labels", "read",
            "Every label event, oldest first; pass the answer's next as after for the next page (limit ≤ 1000).",
            $"curl {Auth} '{{base}}api/v1/projects/1/labels?after=0&limit=500'"),
        new("GET", "/api/v1/items/{itemId}/media/{variant}", "read",
            "An image's or clip's file for members of its project: original, display, thumb (images), " +
            "waveform and spectrogram (clips). The next-item and label answers give these URLs in media.urls.",
            $"curl {Auth} -o 003.png {{base}}api/v1/items/42/media/display"),
        new("POST", "/api/v1/projects/{id}/exports", "read",
            "Start an export package (data file, manifest, classes): format csv, json-lines, parquet, " +
            "label-studio or media-folder (image and audio projects); scope, minimumAgreement, " +
            "includeSkipped, includePredictions, includeFeatures.",
            $"curl {Auth} -H 'Content-Type: application/json' \\\n" +
            "  -d '{\"format\": \"parquet\", \"includePredictions\": true}' {base}api/v1/projects/1/exports"),
        new("GET", "/api/v1/projects/{id}/exports/{exportId}", "read",
            "Poll an export; download is set when the package is ready.",
            $"curl {Auth} {{base}}api/v1/projects/1/exports/3"),
        new("GET", "/api/v1/projects/{id}/exports/{exportId}/file", "read", "Download the finished ZIP package.",
            $"curl {Auth} -o labels.zip {{base}}api/v1/projects/1/exports/3/file"),
        new("GET", "/api/v1/projects/{id}/export.csv", "read",
            "The labeled items as CSV: original columns, then label, annotator, time, model version and round.",
            $"curl {Auth} -o labels.csv {{base}}api/v1/projects/1/export.csv"),
        new("GET", "/api/v1/projects/{id}/models", "read", "Model versions, newest first, with estimated accuracy.",
            $"curl {Auth} {{base}}api/v1/projects/1/models"),
        new("POST", "/api/v1/projects/{id}/retrain", "read-write", "Ask for a retrain now (leads).",
            $"curl -X POST {Auth} {{base}}api/v1/projects/1/retrain"),
    ];
}
