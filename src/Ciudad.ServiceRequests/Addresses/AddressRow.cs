namespace Ciudad.ServiceRequests.Addresses;

/// <summary>
/// One address as a file gives it, before checking: a whole address line or its parts, and where
/// it is (longitude/latitude, or x/y that may be projected). <see cref="Line"/> is the CSV line or
/// the GeoJSON feature's position, for reporting bad rows.
/// </summary>
internal sealed record AddressRow(long Line)
{
    public string? FullAddress { get; init; }
    public string? Number { get; init; }
    public string? Street { get; init; }
    public string? Unit { get; init; }
    public string? Zipcode { get; init; }
    public string? Longitude { get; init; }
    public string? Latitude { get; init; }

    /// <summary>Set when the row could not even be read (a GeoJSON feature without a point).</summary>
    public string? Problem { get; init; }

    /// <summary>
    /// Column names as cities publish them, compared without case, spaces or underscores. Each
    /// field lists its names most specific first.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        [nameof(FullAddress)] = ["fulladdress", "fulladdr", "fulladd", "addfull", "addressfull", "siteaddress", "siteaddr", "address", "addr", "streetaddress", "location", "direccion"],
        [nameof(Number)] = ["addressnumber", "addnumber", "addnum", "addrnum", "housenumber", "housenum", "hsenum", "hsenumber", "streetnumber", "stnum", "number", "numero"],
        [nameof(Street)] = ["fullstreet", "fullstreetname", "fullstname", "streetname", "stname", "street", "road", "calle"],
        ["PreDirection"] = ["predir", "stpredir", "prefixdirection", "prefix", "predirectional", "dirpre"],
        ["StreetType"] = ["streettype", "sttype", "posttype", "stpostyp", "suffix", "sufftype", "stsuffix", "suffixtype"],
        ["PostDirection"] = ["postdir", "stposdir", "sufdir", "suffixdirection", "postdirectional", "dirsuf"],
        [nameof(Unit)] = ["unit", "unitnumber", "unitnum", "unitid", "apt", "suite", "subaddress", "interior"],
        [nameof(Zipcode)] = ["zipcode", "zip", "zip5", "postcode", "postalcode", "zipcd", "codigopostal", "cp"],
        [nameof(Latitude)] = ["latitude", "lat", "y", "pointy", "ycoord"],
        [nameof(Longitude)] = ["longitude", "lon", "lng", "long", "x", "pointx", "xcoord"],
    };

    /// <summary>"Full_Address" and "full address" are both "fulladdress".</summary>
    public static string ColumnKey(string name) =>
        new([.. name.Trim().TrimStart('\uFEFF').ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    /// <summary>Builds a row from named values (a CSV line or GeoJSON properties).</summary>
    public static AddressRow From(long line, Func<string, string?> valueOf)
    {
        string? Pick(string field) => Columns[field].Select(valueOf).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        var street = Pick(nameof(Street));
        if (street is not null)
        {
            // Split columns (pre-direction, name, type, post-direction) unless the street column already has them.
            var words = street.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var parts = new List<string>();
            if (Pick("PreDirection") is { } pre && !words[0].Equals(pre, StringComparison.OrdinalIgnoreCase))
            {
                parts.Add(pre);
            }
            parts.Add(street);
            foreach (var after in new[] { Pick("StreetType"), Pick("PostDirection") })
            {
                if (after is not null && !words.Skip(1).Contains(after, StringComparer.OrdinalIgnoreCase))
                {
                    parts.Add(after);
                }
            }
            street = string.Join(' ', parts);
        }
        return new AddressRow(line)
        {
            FullAddress = Pick(nameof(FullAddress)),
            Number = Pick(nameof(Number)),
            Street = street,
            Unit = Pick(nameof(Unit)),
            Zipcode = Pick(nameof(Zipcode)),
            Latitude = Pick(nameof(Latitude)),
            Longitude = Pick(nameof(Longitude)),
        };
    }
}
