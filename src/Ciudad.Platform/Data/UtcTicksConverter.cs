using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ciudad.Platform.Data;

/// <summary>
/// Stores an instant as UTC ticks on SQLite, which has no instant type: exact, sortable and
/// comparable in SQL. (EF's own binary converter drops precision below 0.1 ms.)
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
