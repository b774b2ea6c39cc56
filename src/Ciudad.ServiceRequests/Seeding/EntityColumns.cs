using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ciudad.ServiceRequests.Seeding;

/// <summary>
/// An entity's table and columns read from the EF model, with each value already converted the way
/// the provider stores it (enums as integers, instants as UTC ticks on SQLite). Bulk writers use it
/// so that a column added by a later migration is written too, without a hand-kept column list.
/// </summary>
internal sealed class EntityColumns<T> where T : class
{
    public sealed record Column(string Name, Type ProviderType, Func<T, object?> Read);

    private EntityColumns(string table, IReadOnlyList<Column> columns)
    {
        Table = table;
        Columns = columns;
    }

    public string Table { get; }
    public IReadOnlyList<Column> Columns { get; }

    /// <param name="includeKey">False lets the database generate the key (identity/autoincrement).</param>
    public static EntityColumns<T> From(IModel model, bool includeKey)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            if (property.IsPrimaryKey() && !includeKey)
            {
                continue;
            }
            var info = property.PropertyInfo
                ?? throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property; the bulk writer cannot fill it.");
            var getter = Getter(info);
            var converter = property.GetTypeMapping().Converter;
            Func<T, object?> read = converter is null ? getter : e => getter(e) is { } value ? converter.ConvertToProvider(value) : null;
            var providerType = converter?.ProviderClrType ?? property.ClrType;
            columns.Add(new Column(property.GetColumnName(store)!, Nullable.GetUnderlyingType(providerType) ?? providerType, read));
        }
        return new EntityColumns<T>(table, columns);
    }

    private static Func<T, object?> Getter(PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(T));
        var body = Expression.Convert(Expression.Property(entity, property), typeof(object));
        return Expression.Lambda<Func<T, object?>>(body, entity).Compile();
    }
}
