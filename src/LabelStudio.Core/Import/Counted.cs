namespace LabelStudio.Core.Import;

/// <summary>A count with its noun in the right number, for reports people read: "1 item", "1,204 items".</summary>
public static class Counted
{
    public static string Of(long count, string singular, string plural) =>
        $"{count:N0} {(count == 1 ? singular : plural)}";

    /// <summary>For nouns whose plural only adds an s.</summary>
    public static string Of(long count, string singular) => Of(count, singular, singular + "s");
}
