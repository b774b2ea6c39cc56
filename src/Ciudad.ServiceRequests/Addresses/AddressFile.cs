using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Ciudad.ServiceRequests.Addresses;

/// <summary>A file the import cannot read at all (or stops reading): the message says why, in one line.</summary>
internal sealed class AddressFileException(string message) : Exception(message);

/// <summary>
/// Reads address points from the files cities publish: CSV (comma, semicolon or tab; quoted fields)
/// and GeoJSON (a FeatureCollection of Point features, or one feature per line). Streams: a city's
/// few hundred thousand points are never all in memory.
/// </summary>
internal static class AddressFile
{
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    public static IAsyncEnumerable<AddressRow> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".geojson" or ".json" => ReadGeoJsonAsync(stream, cancellationToken),
            ".geojsonl" or ".geojsons" or ".geojsonseq" or ".ndjson" or ".jsonl" => ReadGeoJsonLinesAsync(stream, cancellationToken),
            ".csv" or ".txt" or ".tsv" => ReadCsvAsync(stream, cancellationToken),
            _ => throw new AddressFileException($"{Path.GetFileName(fileName)}: unknown kind of file; give a .csv, .geojson or .geojsonl file."),
        };
    }

    private static async IAsyncEnumerable<AddressRow> ReadCsvAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var headerLine = await reader.ReadLineAsync(cancellationToken)
            ?? throw new AddressFileException("the file is empty.");
        var delimiter = Delimiters.MaxBy(d => headerLine.Count(c => c == d));
        var header = new CsvReader(new StringReader(headerLine), delimiter).ReadRecord()!;
        var columns = header.Select((name, i) => (Key: AddressRow.ColumnKey(name), Index: i))
            .GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.First().Index, StringComparer.Ordinal);
        CheckColumns(columns.Keys);
        var csv = new CsvReader(reader, delimiter) { Line = 1 };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.Line + 1;
            var record = csv.ReadRecord();
            if (record is null)
            {
                yield break;
            }
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            yield return AddressRow.From(line, key => columns.TryGetValue(key, out var i) && i < record.Count ? record[i] : null);
        }
    }

    /// <summary>A file without any address or coordinate column is the wrong file: stop before importing anything.</summary>
    private static void CheckColumns(IEnumerable<string> keys)
    {
        var present = keys.ToHashSet(StringComparer.Ordinal);
        bool Has(string field) => AddressRow.Columns[field].Any(present.Contains);
        if (!Has(nameof(AddressRow.FullAddress)) && !(Has(nameof(AddressRow.Number)) && Has(nameof(AddressRow.Street))))
        {
            throw new AddressFileException("no address column: expected a full address (e.g. \"full_address\", \"address\") or a house number and a street (e.g. \"add_number\", \"street_name\").");
        }
        if (!Has(nameof(AddressRow.Latitude)) || !Has(nameof(AddressRow.Longitude)))
        {
            throw new AddressFileException("no coordinate columns: expected \"lat\"/\"lon\", \"latitude\"/\"longitude\" or \"y\"/\"x\".");
        }
    }

    private static async IAsyncEnumerable<AddressRow> ReadGeoJsonLinesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        long line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            text = text.Trim().TrimStart('\u001e'); // RFC 8142 record separator
            if (text.Length == 0)
            {
                continue;
            }
            AddressRow row;
            try
            {
                using var feature = JsonDocument.Parse(text);
                row = FromFeature(feature.RootElement, line);
            }
            catch (JsonException)
            {
                row = new AddressRow(line) { Problem = "not a JSON feature" };
            }
            yield return row;
        }
    }

    private static async IAsyncEnumerable<AddressRow> ReadGeoJsonAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scanner = new FeatureScanner();
        var buffer = new byte[64 * 1024];
        var length = 0;
        var final = false;
        var rows = new List<AddressRow>();
        while (true)
        {
            if (!final)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2); // one feature larger than the buffer
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                length += read;
                final = read == 0;
            }
            int consumed;
            try
            {
                consumed = scanner.Scan(buffer.AsSpan(0, length), final, rows);
            }
            catch (JsonException e)
            {
                throw new AddressFileException($"not valid GeoJSON near feature {scanner.Features + 1}: {e.Message.Split('\n')[0]}");
            }
            foreach (var row in rows)
            {
                yield return row;
            }
            rows.Clear();
            if (scanner.Done)
            {
                yield break;
            }
            if (final && consumed == 0)
            {
                throw new AddressFileException(scanner.SawFeatures
                    ? $"the GeoJSON ends inside feature {scanner.Features + 1}."
                    : "not a GeoJSON FeatureCollection (no \"features\" array).");
            }
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
        }
    }

    /// <summary>
    /// Walks a FeatureCollection buffer by buffer with <see cref="Utf8JsonReader"/>, parsing one
    /// feature at a time; a feature cut by the buffer's end is read again with the next one.
    /// </summary>
    private sealed class FeatureScanner
    {
        private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        private int _phase; // 0: looking for "features", 1: expecting its array, 2: in the array, 3: done

        public long Features { get; private set; }
        public bool SawFeatures => _phase >= 2;
        public bool Done => _phase == 3;

        public int Scan(ReadOnlySpan<byte> data, bool final, List<AddressRow> rows)
        {
            var reader = new Utf8JsonReader(data, final, _state);
            while (true)
            {
                var checkpoint = reader.CurrentState;
                var checkpointBytes = (int)reader.BytesConsumed;
                if (!reader.Read())
                {
                    _state = checkpoint;
                    return checkpointBytes;
                }
                switch (_phase)
                {
                    case 0 when reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("features"u8):
                        _phase = 1;
                        break;
                    case 1:
                        _phase = reader.TokenType == JsonTokenType.StartArray ? 2 : throw new AddressFileException("\"features\" is not an array.");
                        break;
                    case 2 when reader.TokenType == JsonTokenType.EndArray:
                        _phase = 3;
                        _state = reader.CurrentState;
                        return (int)reader.BytesConsumed;
                    case 2 when reader.TokenType == JsonTokenType.StartObject:
                        if (!JsonDocument.TryParseValue(ref reader, out var feature))
                        {
                            _state = checkpoint;
                            return checkpointBytes;
                        }
                        using (feature)
                        {
                            Features++;
                            rows.Add(FromFeature(feature.RootElement, Features));
                        }
                        break;
                }
            }
        }
    }

    private static AddressRow FromFeature(JsonElement feature, long position)
    {
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in props.EnumerateObject())
            {
                properties.TryAdd(AddressRow.ColumnKey(property.Name), property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                });
            }
        }
        var row = AddressRow.From(position, key => properties.GetValueOrDefault(key));
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
        {
            return row.Latitude is null ? row with { Problem = "feature has no geometry" } : row;
        }
        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            return row with { Problem = "geometry has no coordinates" };
        }
        var position2 = type switch
        {
            "Point" => coordinates,
            "MultiPoint" when coordinates.GetArrayLength() == 1 => coordinates[0],
            _ => default,
        };
        if (position2.ValueKind != JsonValueKind.Array || position2.GetArrayLength() < 2
            || position2[0].ValueKind != JsonValueKind.Number || position2[1].ValueKind != JsonValueKind.Number)
        {
            return row with { Problem = $"geometry is a {type ?? "shape"}, not a point" };
        }
        return row with
        {
            Longitude = position2[0].GetDouble().ToString("R", CultureInfo.InvariantCulture),
            Latitude = position2[1].GetDouble().ToString("R", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>RFC 4180 records: quoted fields may hold the delimiter, doubled quotes and line breaks.</summary>
    private sealed class CsvReader(TextReader reader, char delimiter)
    {
        public long Line { get; set; }

        public List<string>? ReadRecord()
        {
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var any = false;
            while (true)
            {
                var next = reader.Read();
                if (next == -1)
                {
                    if (!any)
                    {
                        return null;
                    }
                    fields.Add(field.ToString());
                    return fields;
                }
                any = true;
                var c = (char)next;
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            Line++;
                        }
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r')
                {
                    // the '\n' that follows ends the record
                }
                else if (c == '\n')
                {
                    Line++;
                    fields.Add(field.ToString());
                    return fields;
                }
                else
                {
                    field.Append(c);
                }
            }
        }
    }
}
