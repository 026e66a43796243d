using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Import;

/// <summary>
/// Gathers one column's values for inference. Each distinct value is tested only once, so a
/// column with few distinct values costs little however long it is. Missing markers (NA, null…)
/// are set aside: they count as missing if the column proves a number, date or yes/no column,
/// and as values otherwise.
/// </summary>
internal sealed class ColumnStats
{
    private const int ExampleCount = 5;
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly List<string> _examples = [];
    private readonly List<string> _examplesWithoutMarkers = [];
    private int _missing;
    private int _present;
    private int _markers;
    private int _distinctMarkers;
    private int _longest;
    private bool _allNumbers = true;
    private bool _allDates = true;

    public void Add(string? raw)
    {
        if (CellValue.IsMissing(raw))
        {
            _missing++;
            return;
        }

        var value = raw!.Trim();
        var marker = CellValue.IsMissingMarker(value);
        _present++;
        _markers += marker ? 1 : 0;
        if (!_distinct.Add(value))
        {
            return;
        }

        AddExample(_examples, value);
        _longest = Math.Max(_longest, value.Length);
        if (marker)
        {
            _distinctMarkers++;
            return;
        }

        AddExample(_examplesWithoutMarkers, value);
        _allNumbers = _allNumbers && CellValue.TryParseNumber(value, out _);
        _allDates = _allDates && CellValue.TryParseDate(value, out _);
    }

    public ColumnProfile ToProfile(string name)
    {
        var kind = ChooseKind();
        return kind is ColumnKind.Number or ColumnKind.Date or ColumnKind.Boolean
            ? new(name, kind, _distinct.Count - _distinctMarkers, _missing + _markers, _examplesWithoutMarkers)
            : new(name, kind, _distinct.Count, _missing, _examples);
    }

    private ColumnKind ChooseKind()
    {
        if (_present == 0)
        {
            return ColumnKind.Text;
        }

        var hasValues = _distinct.Count > _distinctMarkers;
        if (IsTrueFalsePair())
        {
            return ColumnKind.Boolean;
        }

        if (hasValues && _allNumbers)
        {
            return ColumnKind.Number;
        }

        if (hasValues && _allDates)
        {
            return ColumnKind.Date;
        }

        var fewValues = _distinct.Count <= ColumnTypeInference.MaxCategories && _distinct.Count * 2 <= _present;
        return fewValues && _longest <= ColumnTypeInference.MaxCategoryLength ? ColumnKind.Category : ColumnKind.Text;
    }

    /// <summary>Exactly two distinct values besides missing markers, one read as true and the other as false.</summary>
    private bool IsTrueFalsePair()
    {
        if (_distinct.Count - _distinctMarkers != 2)
        {
            return false;
        }

        var values = _distinct.Where(v => !CellValue.IsMissingMarker(v)).ToList();
        var flags = values.Select(v => CellValue.TryParseBoolean(v, out var flag) ? flag : (bool?)null).ToList();
        return flags.All(f => f.HasValue) && flags[0] != flags[1];
    }

    private static void AddExample(List<string> examples, string value)
    {
        if (examples.Count < ExampleCount)
        {
            examples.Add(value);
        }
    }
}
