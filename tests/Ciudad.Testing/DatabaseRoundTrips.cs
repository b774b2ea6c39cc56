using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ciudad.Testing;

/// <summary>
/// Counts what one DbContext sends to its database while it is alive: commands (round trips) and
/// committed transactions. Tests catch a regression to per-row work by these counts, which do not
/// depend on how busy the machine is, instead of by the clock.
/// </summary>
public sealed class DatabaseRoundTrips : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly DbContext _context;
    private readonly List<IDisposable> _subscriptions = [];
    private int _commands;
    private int _queries;
    private int _commits;

    private DatabaseRoundTrips(DbContext context)
    {
        _context = context;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    /// <summary>Starts counting the work of <paramref name="context"/> (other contexts in the process are ignored).</summary>
    public static DatabaseRoundTrips Of(DbContext context) => new(context);

    public int Commands => Volatile.Read(ref _commands);

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
            case CommandExecutedEventData command when command.Context == _context:
                Interlocked.Increment(ref _commands);
                if (command.Command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref _queries);
                }
                break;
            case TransactionEndEventData transaction when transaction.Context == _context
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
