using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LabelStudio.Core.Data;

/// <summary>Stores instants as UTC ticks so SQLite can sort and compare them.</summary>
internal sealed class DateTimeOffsetToTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
