using System.Linq.Expressions;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ciudad.Platform.Data;

/// <summary>
/// How a <see cref="LocalizedText"/> is stored: one JSON object per value (<c>{"en":"Pothole","es":"Bache"}</c>),
/// <c>jsonb</c> on PostgreSQL and text on SQLite.
/// </summary>
/// <remarks>
/// Not an EF complex type: complex types have a fixed set of properties, so a city adding a language
/// would need a new column and a migration, and EF cannot map a dictionary into one. A value converter
/// works the same on both providers; the only query that needs one language inside SQL (sorting the
/// staff queue by service name) goes through <see cref="LocalizedTextSql.In"/>. Searching and Open311
/// read whole values (the catalog is tens of rows), so nothing else looks inside the JSON in SQL.
/// </remarks>
public static class LocalizedTextMapping
{
    public static void Configure(ModelConfigurationBuilder configuration, bool postgres)
    {
        var properties = configuration.Properties<LocalizedText>().HaveConversion<LocalizedTextConverter, LocalizedTextComparer>();
        if (postgres)
        {
            properties.HaveColumnType("jsonb");
        }
        configuration.DefaultTypeMapping<LocalizedText>().HasConversion<LocalizedTextConverter>();
    }

    public static void MapFunctions(ModelBuilder builder, bool postgres)
    {
        var method = typeof(LocalizedTextSql).GetMethod(nameof(LocalizedTextSql.In))!;
        builder.HasDbFunction(method).HasTranslation(arguments =>
        {
            var (json, culture) = (arguments[0], arguments[1]);
            var text = culture.TypeMapping;
            SqlExpression Constant(string value) => new SqlConstantExpression(value, typeof(string), text);
            // A missing language is NULL even though the column is not: nullability must not be
            // inferred from the arguments, or EF drops the COALESCE that falls back to English.
            SqlExpression Function(string name, params SqlExpression[] args) =>
                new SqlFunctionExpression(name, args, nullable: true, argumentsPropagateNullability: args.Select(_ => false), typeof(string), text);
            SqlExpression Concat(params SqlExpression[] parts) =>
                parts.Aggregate((left, right) => new SqlBinaryExpression(ExpressionType.Add, left, right, typeof(string), text));
            return postgres
                ? Coalesce(
                    Function("jsonb_extract_path_text", json, culture),
                    Function("jsonb_extract_path_text", json, Constant(SupportedCultures.Default)))
                : Coalesce(
                    Function("json_extract", json, Concat(Constant("$.\""), culture, Constant("\""))),
                    Function("json_extract", json, Constant($"$.{SupportedCultures.Default}")));
        });
    }

    private static SqlFunctionExpression Coalesce(SqlExpression first, SqlExpression second) =>
        new SqlFunctionExpression("COALESCE", [first, second], nullable: true, argumentsPropagateNullability: [false, false], typeof(string), first.TypeMapping);
}

/// <summary>Functions that read one language of a stored <see cref="LocalizedText"/> inside a query.</summary>
public static class LocalizedTextSql
{
    /// <summary>
    /// The text in <paramref name="culture"/> (a supported culture name such as "es"), else English.
    /// Only for LINQ queries, e.g. <c>OrderBy(r =&gt; LocalizedTextSql.In(r.Service!.Name, "es"))</c>.
    /// </summary>
    public static string In(LocalizedText text, string culture) =>
        throw new InvalidOperationException($"{nameof(LocalizedTextSql)}.{nameof(In)} runs only inside a database query.");
}

public sealed class LocalizedTextConverter() : ValueConverter<LocalizedText, string>(
    text => text.ToJson(),
    json => LocalizedText.FromJson(json));

public sealed class LocalizedTextComparer() : ValueComparer<LocalizedText>(
    (a, b) => a == null ? b == null : a.Equals(b),
    text => text.GetHashCode(),
    text => text); // immutable: the snapshot may share the instance
