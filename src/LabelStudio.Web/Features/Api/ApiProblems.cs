namespace LabelStudio.Web.Features.Api;

/// <summary>The API's RFC 7807 answers, worded for the person reading the client's log.</summary>
internal static class ApiProblems
{
    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static IResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");

    public const string JsonExpected = "This call takes a JSON body: send it with 'Content-Type: application/json'.";

    public static IResult UnsupportedMediaType() => TypedResults.Problem(
        JsonExpected, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");

    /// <summary>One field's problem, named so a client can point at it.</summary>
    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]>
    {
        [field] = [message],
    });

    public static IResult Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors, detail: string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
}
