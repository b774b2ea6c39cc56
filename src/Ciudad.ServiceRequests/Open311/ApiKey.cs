namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// An Open311 client's key. Only a SHA-256 hash is stored; the key itself is shown once, when
/// issued. <see cref="Prefix"/> lets people tell keys apart without revealing them.
/// </summary>
internal sealed class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string KeyHash { get; set; }

    /// <summary>POSTs allowed per minute with this key.</summary>
    public int RequestsPerMinute { get; set; } = 60;
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}
