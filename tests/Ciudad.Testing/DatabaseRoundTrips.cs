using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Testing;

/// <summary>
/// Counts what one DbContext sends to its database while it is alive: commands (round trips) and
/// committed transactions. Tests catch a regression to per-row work by these counts, which do not
/// depend on how busy the machine is, instead of by the clock.
/// </summary>
public sealed class DatabaseRoundTrips : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly Func<DbContext?, bool> _counts;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _statements = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _commandTexts = new();
    private int _commands;
    private int _queries;
    private int _commits;

    private DatabaseRoundTrips(Func<DbContext?, bool> counts)
    {
        _counts = counts;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>
    /// Starts counting the work of <paramref name="context"/> (other contexts in the process are ignored).
    /// Start before the context first touches the database: EF remembers for about a second that
    /// nobody was listening to a context's commands.
    /// </summary>
    public static DatabaseRoundTrips Of(DbContext context) => new(c => c == context);

    /// <summary>
    /// Starts counting what <paramref name="app"/> sends to its database while it serves a request to a
    /// path starting with <paramref name="pathPrefix"/>: the request's own work, not the background
    /// jobs' nor other apps' in the process. The diagnostic events run on the request's async flow, so
    /// the current HTTP request is known; the database (each test app has its own) tells the apps apart.
    /// </summary>
    public static async Task<DatabaseRoundTrips> DuringRequestsAsync(CiudadApp app, string pathPrefix)
    {
        var http = app.Services.GetRequiredService<IHttpContextAccessor>();
        var database = await app.WithServicesAsync(sp => Task.FromResult(DatabaseOf(sp.GetRequiredService<Ciudad.Platform.Data.CiudadDbContext>())));
        return new(c => c is not null
            && http.HttpContext?.Request.Path.Value?.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase) == true
            && DatabaseOf(c) == database);
    }

    private static string DatabaseOf(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        return connection.DataSource + "|" + connection.Database;
    }

    public int Commands => Volatile.Read(ref _commands);

    /// <summary>The first line of each command's SQL, in order: for the message when a count is exceeded.</summary>
    public IReadOnlyList<string> Statements => [.. _statements];

    /// <summary>Each command's whole SQL, in order: for tests that compare what two code paths send.</summary>
    public IReadOnlyList<string> CommandTexts => [.. _commandTexts];

    /// <summary>
    /// Commands that read (SELECT). SQLite's provider sends one statement per written row even
    /// when nothing crosses a network, so per-row reads are what catches a per-row regression there.
    /// </summary>
    public int Queries => Volatile.Read(ref _queries);
    public int Commits => Volatile.Read(ref _commits);

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData command when _counts(command.Context):
                Interlocked.Increment(ref _commands);
                _statements.Enqueue(command.Command.CommandText.Split('\n')[0].Trim());
                _commandTexts.Enqueue(command.Command.CommandText);
                if (command.Command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _queries);
                }
                break;
            case TransactionEndEventData transaction when _counts(transaction.Context)
                && value.Key == RelationalEventId.TransactionCommitted.Name:
                Interlocked.Increment(ref _commits);
                break;
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
