using System.Globalization;
using System.Text;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Ciudad.ServiceRequests.Requests;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.ServiceRequests.Triage;

/// <summary>
/// Any view of the queue as a spreadsheet: the same filters and department scoping as the page,
/// rows streamed as they are read (never the whole set in memory), at most <see cref="MaxRows"/>.
/// Cells a spreadsheet would run as a formula are defused.
/// </summary>
internal sealed class QueueCsv(QueueQuery queue, TimeProvider clock)
{
    /// <summary>The most rows one download holds (the queue counts this far too); narrow the filters for the rest.</summary>
    public const int MaxRows = QueueQuery.CountLimit;

    private static readonly string[] Columns =
        ["number", "service", "department", "status", "priority", "requested_at", "expected_at", "target", "assignee", "address", "area", "description"];

    public async Task WriteAsync(Stream output, QueueFilter filter, string actorUserId, Func<int, string> departmentName,
        Func<string, string> statusLabel, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var culture = SupportedCultures.Normalize(filter.Culture);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(Columns));
        await foreach (var row in queue.ExportRows(filter, actorUserId, now).Take(MaxRows).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(
                RequestNumbers.Format(row.Number),
                row.ServiceNames[culture],
                departmentName(row.DepartmentId),
                statusLabel(row.Status.LabelKey()),
                row.Priority.ToString(),
                Instant(row.RequestedAt),
                row.ExpectedAt is { } due ? Instant(due) : "",
                SlaStates.Of(row.ExpectedAt, row.SlaBreachedAt, row.ClosedAt, row.IsOpen, now).ToString(),
                row.AssigneeName ?? "",
                row.Address ?? "",
                row.AreaCode ?? "",
                row.Description));
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>One CSV record (RFC 4180): every cell quoted, quotes doubled, lines ended with CRLF.</summary>
    public static string Line(params string[] cells) =>
        string.Join(',', cells.Select(c => "\"" + Defused(c).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\r\n";

    /// <summary>
    /// A cell starting with = + - @ (or a tab or carriage return) is run as a formula by spreadsheet
    /// programs; a leading apostrophe makes it text (OWASP's advice for CSV injection).
    /// </summary>
    public static string Defused(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>One exported request: the queue's row with the whole description and the assignee's name.</summary>
internal sealed record QueueExportRow(
    string Number,
    LocalizedText ServiceNames,
    int DepartmentId,
    RequestStatus Status,
    RequestPriority Priority,
    bool IsOpen,
    DateTimeOffset RequestedAt,
    DateTimeOffset? ExpectedAt,
    DateTimeOffset? SlaBreachedAt,
    DateTimeOffset? ClosedAt,
    string? Address,
    string? AreaCode,
    string Description,
    string? AssigneeName);
