using Ciudad.Platform.Audit;
using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciudad.Platform.Tests.Audit;

public sealed class AuditChainTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory, BothDatabases]
    public async Task Entries_are_linked_each_to_the_one_before(TestDatabase db)
    {
        var app = await fixture.For(db);

        await app.WithServicesAsync(async sp =>
        {
            var audit = sp.GetRequiredService<AuditLog>();
            audit.Record("test.first", "Thing", "1", before: null, after: new { name = "uno" });
            audit.Record("test.second", "Thing", "1", before: new { name = "uno" }, after: new { name = "dos" });
            await sp.GetRequiredService<CiudadDbContext>().SaveChangesAsync();
        });

        var entries = await app.WithDbAsync(d => d.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(AuditChain.Genesis, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
            Assert.Equal(AuditChain.ComputeHash(entries[i]), entries[i].Hash);
        }
        var second = entries.Single(e => e.Action == "test.second");
        Assert.Equal("""{"name":"uno"}""", second.BeforeJson);
        Assert.Equal("""{"name":"dos"}""", second.AfterJson);
    }

    [Theory, BothDatabases]
    public async Task Concurrent_writers_never_fork_the_chain(TestDatabase db)
    {
        var app = await fixture.For(db);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => app.WithServicesAsync(sp =>
            sp.GetRequiredService<AuditLog>().RecordNowAsync($"test.concurrent-{i}"))));

        var verification = await app.WithServicesAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync());
        Assert.True(verification.IsIntact, verification.Problem);
        var written = await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.Action.StartsWith("test.concurrent-")));
        Assert.Equal(12, written);
    }

    [Theory, BothDatabases]
    public async Task The_database_refuses_to_change_or_delete_an_entry(TestDatabase db)
    {
        var app = await fixture.For(db);
        await app.WithServicesAsync(sp => sp.GetRequiredService<AuditLog>().RecordNowAsync("test.immutable"));

        var update = await Record.ExceptionAsync(() => app.WithDbAsync(d =>
            d.Database.ExecuteSqlRawAsync("UPDATE platform_audit_entries SET action = 'test.rewritten' WHERE action = 'test.immutable'")));
        var delete = await Record.ExceptionAsync(() => app.WithDbAsync(d =>
            d.Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_entries WHERE action = 'test.immutable'")));

        Assert.Contains("append-only", update?.Message ?? "", StringComparison.Ordinal);
        Assert.Contains("append-only", delete?.Message ?? "", StringComparison.Ordinal);
    }
}
