namespace LabelStudio.Ml.Images;

/// <summary>
/// What ResNet18 expects subtracted from its blue, green and red planes: the package's per-pixel mean
/// image at its own size. At other sizes each channel's mean is used; across pixels the image varies by
/// less than one grey level, so the two hardly differ.
/// </summary>
internal sealed record MeanImage(int Side, float[] Planes)
{
    /// <summary>Three planes of <paramref name="size"/>² values, in blue, green, red order.</summary>
    public float[] For(int size)
    {
        if (size == Side)
        {
            return Planes;
        }

        var plane = size * size;
        var result = new float[3 * plane];
        for (var channel = 0; channel < 3; channel++)
        {
            var mean = Planes.AsSpan(channel * Side * Side, Side * Side).ToArray().Average();
            result.AsSpan(channel * plane, plane).Fill(mean);
        }

        return result;
    }
}
