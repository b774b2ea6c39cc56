namespace Ciudad.Platform.City;

/// <summary>Converts stored UTC instants to the city's local time for display.</summary>
public sealed class CityTime(Microsoft.Extensions.Options.IOptions<CityOptions> options, TimeProvider clock)
{
    private readonly TimeZoneInfo _zone = options.Value.TimeZoneInfo;

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);
}
