using System.Globalization;
using System.Text;

namespace LabelStudio.Web.Tests.Api;

/// <summary>A small CSV a model can learn: heavy red fruit are apples, light green ones pears.</summary>
public static class FruitTable
{
    public static (string Csv, IReadOnlyDictionary<string, string> Truth) Make(int rows)
    {
        var csv = new StringBuilder("id,weight,colour,label\n");
        var truth = new Dictionary<string, string>();
        for (var i = 1; i <= rows; i++)
        {
            var apple = i % 2 == 0;
            var weight = (apple ? 180 : 120) + i % 7;
            var label = apple ? "apple" : "pear";
            csv.Append(CultureInfo.InvariantCulture, $"f{i},{weight},{(apple ? "red" : "green")},{label}\n");
            truth[$"f{i}"] = label;
        }
        return (csv.ToString(), truth);
    }
}
