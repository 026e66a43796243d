namespace LabelStudio.Ml;

/// <summary>
/// Pool items ranked for labeling. Scores[i] belongs to pool item i (higher = ask sooner);
/// Order lists pool indices best first.
/// </summary>
public sealed record RankedPool(float[] Scores, int[] Order)
{
    public IEnumerable<int> Top(int count) => Order.Take(count);
}
