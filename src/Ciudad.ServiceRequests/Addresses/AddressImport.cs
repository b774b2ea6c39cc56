using System.Globalization;
using Ciudad.Platform.Data;
using Ciudad.ServiceRequests.Geo;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Addresses;

/// <summary>What an import did: every row is counted once, and every skipped row says why.</summary>
internal sealed class AddressImportReport
{
    public const int MaxExamples = 20;

    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped => SkippedByReason.Values.Sum();
    public Dictionary<string, int> SkippedByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>The first <see cref="MaxExamples"/> skipped rows, with their line (CSV) or feature number (GeoJSON).</summary>
    public List<(long Line, string Reason)> Examples { get; } = [];

    public void Skip(long line, string reason)
    {
        SkippedByReason[reason] = SkippedByReason.GetValueOrDefault(reason) + 1;
        if (Examples.Count < MaxExamples)
        {
            Examples.Add((line, reason));
        }
    }
}

/// <summary>
/// Loads address points into <c>sr_address_points</c>. Idempotent: a point is known by its
/// normalized number, street, unit and ZIP, so importing the same file again updates moved
/// points and adds nothing twice. Works in batches (one query and one save per thousand rows).
/// </summary>
internal sealed class AddressImport(CiudadDbContext db, CityGeography geography)
{
    private const int BatchSize = 1000;

    public async Task<AddressImportReport> ImportAsync(IAsyncEnumerable<AddressRow> rows, CancellationToken cancellationToken = default)
    {
        var report = new AddressImportReport();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var batch = new List<AddressPoint>(BatchSize);
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var point = ToPoint(row, out var reason);
                if (point is null)
                {
                    report.Skip(row.Line, reason!);
                    continue;
                }
                if (!seen.TryAdd(point.Key, row.Line))
                {
                    report.Skip(row.Line, "the same address as an earlier row");
                    continue;
                }
                batch.Add(point);
                if (batch.Count == BatchSize)
                {
                    await SaveAsync(batch, report, cancellationToken);
                }
            }
            await SaveAsync(batch, report, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
        return report;
    }

    private async Task SaveAsync(List<AddressPoint> batch, AddressImportReport report, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var keys = batch.Select(p => p.Key).ToList();
        var existing = await db.AddressPoints().Where(p => keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, cancellationToken);
        foreach (var point in batch)
        {
            if (!existing.TryGetValue(point.Key, out var known))
            {
                db.AddressPoints().Add(point);
                report.Imported++;
            }
            else if (known.Label != point.Label || known.Latitude != point.Latitude || known.Longitude != point.Longitude)
            {
                known.Label = point.Label;
                known.Latitude = point.Latitude;
                known.Longitude = point.Longitude;
                db.Entry(known).State = EntityState.Modified;
                report.Updated++;
            }
            else
            {
                report.Unchanged++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    /// <summary>A storable point, or null and the reason the row cannot be one.</summary>
    public AddressPoint? ToPoint(AddressRow row, out string? reason)
    {
        if (row.Problem is not null)
        {
            reason = row.Problem;
            return null;
        }
        reason = Check(row, out var latitude, out var longitude, out var parsed, out var label);
        if (reason is not null)
        {
            return null;
        }
        return new AddressPoint
        {
            Key = $"{parsed!.Number}|{parsed.StreetKey}|{parsed.Unit}|{parsed.Zipcode}",
            Label = label!,
            Number = parsed.Number!,
            StreetName = parsed.Name,
            StreetKey = parsed.StreetKey,
            Unit = parsed.Unit,
            Zipcode = parsed.Zipcode,
            Latitude = latitude,
            Longitude = longitude,
        };
    }

    private string? Check(AddressRow row, out double latitude, out double longitude, out ParsedAddress? parsed, out string? label)
    {
        parsed = null;
        label = null;
        longitude = 0;
        if (!double.TryParse(row.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out latitude)
            || !double.TryParse(row.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out longitude))
        {
            return "no coordinates";
        }
        if (Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return "coordinates are not longitude/latitude (export in WGS 84, EPSG:4326)";
        }
        if (!geography.IsInsideCity(new GeoPoint(latitude, longitude)))
        {
            return "outside the city limits";
        }
        if (row.Street is not null && (row.Number is not null || row.FullAddress is null))
        {
            var street = AddressText.ParseStreet(row.Street);
            parsed = street with { Number = AddressText.Number(row.Number), Unit = AddressText.Unit(row.Unit), Zipcode = AddressText.Zip(row.Zipcode) };
            label = $"{row.Number?.Trim()} {Readable(row.Street)}";
        }
        else if (row.FullAddress is not null)
        {
            parsed = AddressText.Parse(row.FullAddress, row.Zipcode);
            if (row.Unit is not null)
            {
                parsed = parsed with { Unit = AddressText.Unit(row.Unit) };
            }
            label = Readable(row.FullAddress.Split(',')[0]);
        }
        else
        {
            return "no address";
        }
        if (parsed.Number is null)
        {
            return "no house number";
        }
        if (parsed.Name.Length == 0)
        {
            return "no street name";
        }
        // The unit is added unless the full address already ends with it as a word ("… Dr Unit B"):
        // a plain substring test dropped unit B from any street with a b in its name.
        if (row.Unit is not null && parsed.Unit is not null && !EndsWithWord(label, parsed.Unit))
        {
            label += " Unit " + row.Unit.Trim();
        }
        label = label.Length > 300 ? label[..300] : label;
        return parsed.StreetKey.Length > 160 || parsed.Unit is { Length: > 40 } ? "address too long" : null;
    }

    /// <summary>"N MESA ST" (as many cities publish) reads as "N Mesa St"; mixed case is kept.</summary>
    private static string Readable(string text)
    {
        var trimmed = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return trimmed.Any(char.IsLower) ? trimmed : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(trimmed.ToLowerInvariant());
    }

    private static bool EndsWithWord(string text, string word)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith(word, StringComparison.OrdinalIgnoreCase)
            && (trimmed.Length == word.Length || !char.IsLetterOrDigit(trimmed[trimmed.Length - word.Length - 1]));
    }
}
