using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace LabelStudio.Web.Features.Api;

/// <summary>
/// Words a JSON body the serializer refused for the person reading the client's log: a field the
/// request does not have, a value of the wrong type (by its JSON path, with the type expected), or
/// text that is not JSON at all (with where it breaks).
/// </summary>
internal static partial class ApiJsonErrors
{
    public static IResult Explain(JsonException failure, JsonTypeInfo request)
    {
        if (UnmappedProperty().Match(failure.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            var fields = string.Join(", ", request.Properties.Select(p => p.Name));
            return ApiProblems.Invalid(name, $"'{name}' is not a field of this request; its fields are {fields}.");
        }

        // The reader's own exception inside means the text broke; without one, a value did not fit its type.
        if (failure.InnerException is JsonException broken)
        {
            var reason = broken.Message.Split(" LineNumber:")[0].Trim();
            var where = $"line {failure.LineNumber + 1}, byte {failure.BytePositionInLine + 1}";
            return ApiProblems.Invalid("body", $"The body is not valid JSON at {where}: {reason}");
        }

        var path = failure.Path is { Length: > 2 } full ? full[2..] : "";
        var expected = TypeAt(request, path) is { } type ? Describe(type, request.Options) : null;
        return ApiProblems.Invalid(path.Length > 0 ? path : "body", expected is null
            ? "This value is not valid JSON of the expected type."
            : $"expected {expected}.");
    }

    /// <summary>The .NET type a path such as <c>classes[1]</c> leads to in the request, or null.</summary>
    private static Type? TypeAt(JsonTypeInfo request, string path)
    {
        var info = request;
        foreach (Match step in PathStep().Matches(path))
        {
            var name = step.Groups["name"].Value;
            var type = name.Length > 0
                ? info.Properties.FirstOrDefault(p => p.Name == name)?.PropertyType
                : info.ElementType;
            if (type is null)
            {
                return null;
            }
            info = info.Options.GetTypeInfo(type);
        }
        return info.Type;
    }

    private static string Describe(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var values = Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName);
            return $"one of: {string.Join(", ", values)}";
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char => "a string",
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32
                or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => "a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            _ when type == typeof(DateTimeOffset) => "an ISO 8601 date and time",
            _ when options.GetTypeInfo(type) is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element } =>
                $"an array of {Plural(Describe(element, options))}",
            _ => "an object",
        };
    }

    private static string Plural(string description) => description switch
    {
        "true or false" => "true or false values",
        _ when description.StartsWith("an array of") => $"arrays of {description["an array of ".Length..]}",
        _ when description.StartsWith("one of:") => $"values, each {description}",
        _ => $"{description[(description.IndexOf(' ') + 1)..]}s",
    };

    [GeneratedRegex("^The JSON property '(.+?)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    /// <summary>One step of a JSON path: <c>.name</c>, <c>['name']</c> or <c>[3]</c>.</summary>
    [GeneratedRegex(@"\.?(?:\['(?<name>[^']*)'\]|\[\d+\]|(?<name>[^.\[]+))")]
    private static partial Regex PathStep();
}
