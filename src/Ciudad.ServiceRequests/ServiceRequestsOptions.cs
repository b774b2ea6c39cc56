using System.ComponentModel.DataAnnotations;

namespace Ciudad.ServiceRequests;

/// <summary>Settings of the 311 module (<c>Ciudad:ServiceRequests</c>).</summary>
public sealed class ServiceRequestsOptions
{
    public const string Section = "Ciudad:ServiceRequests";

    /// <summary>City holidays (yyyy-MM-dd) that business-day SLAs skip.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Open requests of the same service this close and this recent are offered as duplicates.</summary>
    [Range(10, 5000)] public int DuplicateRadiusMeters { get; set; } = 150;
    [Range(1, 365)] public int DuplicateWindowDays { get; set; } = 30;

    /// <summary>How long after closing the reporter may say "this is not fixed".</summary>
    [Range(1, 365)] public int ReopenWindowDays { get; set; } = 14;

    [Range(0, 10)] public int MaxPhotos { get; set; } = 5;

    /// <summary>Largest accepted upload per photo, before conversion.</summary>
    [Range(100_000, 50_000_000)] public int MaxPhotoBytes { get; set; } = 10_000_000;

    /// <summary>
    /// Largest accepted photo in decoded pixels (millions), read from the file's header before any
    /// decoding: a small file can declare a huge image whose decoding takes many seconds of CPU.
    /// </summary>
    [Range(1, 400)] public int MaxPhotoMegapixels { get; set; } = 40;

    /// <summary>Photos decoded at the same time in this process; 0 means one per processor core.</summary>
    [Range(0, 256)] public int PhotoProcessingSlots { get; set; }

    /// <summary>How long a photo waits for a free slot before the upload is refused with "try again".</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan PhotoQueueWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest one photo may take to convert; a slower one is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PhotoProcessingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Photos one poster (signed-in person, client address or Open311 key) may send per minute, refused or not.</summary>
    [Range(1, 100_000)] public int PhotosPerMinute { get; set; } = 20;

    /// <summary>Size of the grid cell that sensitive locations are snapped to in public views.</summary>
    [Range(50, 5000)] public int CoarsenMeters { get; set; } = 500;

    /// <summary>Leaflet tile URL template; the host goes into the Content-Security-Policy.</summary>
    [Required] public string MapTileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    [Required] public string MapAttribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>Where maps open: the city's centre.</summary>
    public double MapCenterLatitude { get; set; } = 31.7587;
    public double MapCenterLongitude { get; set; } = -106.4869;

    /// <summary>
    /// Named parts of the city used by the "area" filters, each a GeoJSON Polygon. El Paso's demo
    /// areas are rough boxes around its planning areas, not survey boundaries.
    /// </summary>
    public List<CityArea> Areas { get; set; } = [];

    /// <summary>How often the SLA breach job looks for overdue requests.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SlaCheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run the SLA breach job in this process. Tests that drive it by hand turn it off.</summary>
    public bool SlaMonitorEnabled { get; set; } = true;

    /// <summary>Overdue requests claimed per transaction; a backlog is worked through batch by batch.</summary>
    [Range(1, 5000)] public int SlaBatchSize { get; set; } = 200;
}

public sealed class CityArea
{
    [Required] public string Code { get; set; } = "";
    [Required] public string NameEn { get; set; } = "";
    [Required] public string NameEs { get; set; } = "";
    [Required] public string BoundaryGeoJson { get; set; } = "";

    public string Name(string culture) => Catalog.Service.IsSpanish(culture) ? NameEs : NameEn;
}
