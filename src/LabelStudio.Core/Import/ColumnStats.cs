using LabelStudio.Ml.Tabular;

namespace LabelStudio.Core.Import;

/// <summary>
/// Gathers one column's values for inference. Each distinct value is tested only once, so a
/// column with few distinct values costs little however long it is.
/// </summary>
internal sealed class ColumnStats
{
    private const int ExampleCount = 5;
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private readonly List<string> _examples = [];
    private int _missing;
    private int _present;
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
        _present++;
        if (!_distinct.Add(value))
        {
            return;
        }

        if (_examples.Count < ExampleCount)
        {
            _examples.Add(value);
        }

        _longest = Math.Max(_longest, value.Length);
        _allNumbers = _allNumbers && CellValue.TryParseNumber(value, out _);
        _allDates = _allDates && CellValue.TryParseDate(value, out _);
    }

    public ColumnProfile ToProfile(string name) =>
        new(name, ChooseKind(), _distinct.Count, _missing, _examples);

    private ColumnKind ChooseKind()
    {
        if (_present == 0)
        {
            return ColumnKind.Text;
        }

        if (IsTrueFalsePair())
        {
            return ColumnKind.Boolean;
        }

        if (_allNumbers)
        {
            return ColumnKind.Number;
        }

        if (_allDates)
        {
            return ColumnKind.Date;
        }

        var fewValues = _distinct.Count <= ColumnTypeInference.MaxCategories && _distinct.Count * 2 <= _present;
        return fewValues && _longest <= ColumnTypeInference.MaxCategoryLength ? ColumnKind.Category : ColumnKind.Text;
    }

    /// <summary>Exactly two distinct values, one read as true and the other as false.</summary>
    private bool IsTrueFalsePair()
    {
        if (_distinct.Count != 2)
        {
            return false;
        }

        var flags = _distinct.Select(v => CellValue.TryParseBoolean(v, out var flag) ? flag : (bool?)null).ToList();
        return flags.All(f => f.HasValue) && flags[0] != flags[1];
    }
}
