using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciudad.ServiceRequests.Addresses;

/// <summary>
/// One of the city's address points (as published in its open-data portal): a house number on a
/// street, maybe a unit, and where it is. Stored with the normalized words searches compare
/// (<see cref="AddressText"/>), so both databases search the same plain columns.
/// </summary>
internal sealed class AddressPoint
{
    public long Id { get; set; }

    /// <summary>Number, street, unit and ZIP normalized: the same address imported twice is one row.</summary>
    public required string Key { get; set; }

    /// <summary>As residents read it: "1200 N Mesa St Unit 3".</summary>
    public required string Label { get; set; }

    /// <summary>Normalized house number ("1200", "1200a").</summary>
    public required string Number { get; set; }

    /// <summary>The street's own name without direction or type ("mesa"): where typos are forgiven.</summary>
    public required string StreetName { get; set; }

    /// <summary>Direction, name and type normalized ("n mesa st").</summary>
    public required string StreetKey { get; set; }

    public string? Unit { get; set; }
    public string? Zipcode { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

internal sealed class AddressPointConfiguration : IEntityTypeConfiguration<AddressPoint>
{
    public void Configure(EntityTypeBuilder<AddressPoint> builder)
    {
        builder.ToTable("sr_address_points");
        builder.Property(a => a.Key).HasMaxLength(300);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.Label).HasMaxLength(300);
        builder.Property(a => a.Number).HasMaxLength(10);
        builder.Property(a => a.StreetName).HasMaxLength(120);
        builder.Property(a => a.StreetKey).HasMaxLength(160);
        builder.Property(a => a.Unit).HasMaxLength(40);
        builder.Property(a => a.Zipcode).HasMaxLength(10);
        // Lookups start from the house number (exact), then compare street names in memory.
        builder.HasIndex(a => new { a.Number, a.StreetName });
        // Reverse lookup: the points in a small box around a pin.
        builder.HasIndex(a => new { a.Latitude, a.Longitude });
    }
}

internal static class AddressData
{
    public static DbSet<AddressPoint> AddressPoints(this CiudadDbContext db) => db.Set<AddressPoint>();
}
