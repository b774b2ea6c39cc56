using BenchmarkDotNet.Attributes;
using Ciudad.Platform.Audit;

namespace Ciudad.Benchmarks;

/// <summary>The cost of sealing one audit entry (SHA-256 over its fields) and of verifying a chain.</summary>
[MemoryDiagnoser]
public class AuditChainBenchmarks
{
    private AuditEntry _entry = default!;
    private AuditEntry[] _chain = [];

    [GlobalSetup]
    public void Setup()
    {
        _entry = Entry(1, AuditChain.Genesis);
        var previous = AuditChain.Genesis;
        _chain = new AuditEntry[10_000];
        for (var i = 0; i < _chain.Length; i++)
        {
            _chain[i] = Entry(i + 1, previous);
            _chain[i].Hash = AuditChain.ComputeHash(_chain[i]);
            previous = _chain[i].Hash;
        }
    }

    [Benchmark]
    public string HashOneEntry() => AuditChain.ComputeHash(_entry);

    /// <summary>What `audit verify` spends in CPU per 10,000 entries, database reads aside.</summary>
    [Benchmark]
    public bool VerifyTenThousandInMemory()
    {
        var previous = AuditChain.Genesis;
        foreach (var entry in _chain)
        {
            if (entry.PreviousHash != previous || AuditChain.ComputeHash(entry) != entry.Hash)
            {
                return false;
            }
            previous = entry.Hash;
        }
        return true;
    }

    private static AuditEntry Entry(long sequence, string previous) => new()
    {
        Sequence = sequence,
        OccurredAt = AuditChain.Truncate(DateTimeOffset.UnixEpoch.AddDays(20_000).AddSeconds(sequence)),
        ActorUserId = "5b0c7f2e-9a51-4d7b-8f0e-3c1d2a4b6e8f",
        ActorEmail = "agent@elpasotexas.gov",
        IpAddress = "10.1.2.3",
        Action = "department.updated",
        EntityType = "Department",
        EntityId = "12",
        BeforeJson = """{"slug":"streets","nameEn":"Streets","nameEs":"Calles","contactEmail":"a@b.gov","isActive":true}""",
        AfterJson = """{"slug":"streets","nameEn":"Streets and Maintenance","nameEs":"Calles y Mantenimiento","contactEmail":"a@b.gov","isActive":true}""",
        PreviousHash = previous,
        Hash = "",
    };
}
