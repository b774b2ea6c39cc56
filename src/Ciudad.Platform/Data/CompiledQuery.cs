using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ciudad.Platform.Data;

/// <summary>
/// An EF compiled query (<c>EF.CompileAsyncQuery</c>) kept once per model. A compiled query skips
/// translating its LINQ on every call, but EF binds it to the model of the first context that runs
/// it, and one process may hold several apps with different models (the tests run SQLite and
/// PostgreSQL apps side by side), so a plain static one would fail in the second app.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext context) => _byModel.GetValue(context.Model, _ => compile());
}
