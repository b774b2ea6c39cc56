using Ciudad.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Platform.Tests.Audit;

/// <summary>
/// Someone with full database access disables the append-only trigger and rewrites history.
/// Verification must find the first entry that no longer fits. Each test has its own app: it
/// breaks the chain on purpose.
/// </summary>
public sealed class AuditTamperTests
{
    [Theory, BothDatabases]
    public async Task A_rewritten_entry_is_reported_as_the_first_broken_link(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db);
        await RecordThreeAsync(app);
        var target = await app.WithDbAsync(d => d.AuditEntries.Where(e => e.Action == "test.b").Select(e => e.Sequence).SingleAsync());

        await TamperAsync(app, db, "UPDATE platform_audit_entries SET after_json = {0} WHERE sequence = {1}", "{\"amount\":1}", target);

        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.False(result.IsIntact);
        Assert.Equal(target, result.FirstBrokenSequence);
        Assert.Contains("changed after it was written", result.Problem, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_deleted_entry_is_reported_as_missing(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db);
        await RecordThreeAsync(app);
        var target = await app.WithDbAsync(d => d.AuditEntries.Where(e => e.Action == "test.b").Select(e => e.Sequence).SingleAsync());

        await TamperAsync(app, db, "DELETE FROM platform_audit_entries WHERE sequence = {0}", target);

        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.Equal(target, result.FirstBrokenSequence);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_recomputed_hash_still_breaks_the_next_link(TestDatabase db)
    {
        await using var app = await CiudadApp.StartAsync(db);
        await RecordThreeAsync(app);
        var entry = await app.WithDbAsync(d => d.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "test.b"));
        entry.AfterJson = "{\"amount\":1}";
        var forgedHash = AuditChain.ComputeHash(entry);

        await TamperAsync(app, db, "UPDATE platform_audit_entries SET after_json = {0}, hash = {1} WHERE sequence = {2}", entry.AfterJson!, forgedHash, entry.Sequence);

        var result = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.Equal(entry.Sequence + 1, result.FirstBrokenSequence);
        Assert.Contains("does not point at the hash", result.Problem, StringComparison.Ordinal);
    }

    private static Task RecordThreeAsync(CiudadApp app) => app.WithServicesAsync(async sp =>
    {
        var audit = sp.GetRequiredService<AuditLog>();
        await audit.RecordNowAsync("test.a", after: new { amount = 10 });
        await audit.RecordNowAsync("test.b", after: new { amount = 20 });
        await audit.RecordNowAsync("test.c", after: new { amount = 30 });
    });

    /// <summary>Disables the append-only guard (as a database superuser could) and runs <paramref name="sql"/> with {0}-style parameters.</summary>
    internal static Task TamperAsync(CiudadApp app, TestDatabase db, string sql, params object[] parameters) => app.WithDbAsync(async d =>
    {
        var disable = db == TestDatabase.Postgres
            ? "ALTER TABLE platform_audit_entries DISABLE TRIGGER USER"
            : "DROP TRIGGER platform_audit_entries_no_update; DROP TRIGGER platform_audit_entries_no_delete";
        await d.Database.ExecuteSqlRawAsync(disable);
        return await d.Database.ExecuteSqlRawAsync(sql, parameters);
    });
}
