using System.Reflection;
using Xunit.Sdk;

namespace Ciudad.Testing;

/// <summary>Where rate limits and sign-in counters live in a test app.</summary>
public enum LimitStore
{
    /// <summary>Each instance's memory: no <c>ConnectionStrings:Redis</c>.</summary>
    Memory,

    /// <summary>The test run's Redis, shared by every instance given the same key prefix.</summary>
    Redis,
}

/// <summary>Runs a limits test once with counts in memory and once in Redis, as every limits test must.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothLimitStoresAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[LimitStore.Memory], [LimitStore.Redis]];
}

/// <summary>The throwaway Redis that scripts/test.sh starts for the run.</summary>
public static class TestRedis
{
    /// <summary>
    /// Its address (host:port). Tests that need Redis fail loudly without it rather than silently
    /// test only the in-memory store.
    /// </summary>
    public const string Variable = "CIUDAD_TEST_REDIS";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with ./scripts/test.sh, which starts a throwaway Redis, " +
                $"or set {Variable} to a Redis server's host:port.");

    /// <summary>A key prefix no other test uses, so tests sharing the one server never count each other's requests.</summary>
    public static string NewKeyPrefix() => $"test-{Guid.NewGuid():N}:";

    /// <summary>
    /// App settings that put limits in <paramref name="store"/>. Instances given the same
    /// <paramref name="keyPrefix"/> share their counts, as instances of one city do.
    /// </summary>
    public static Dictionary<string, string?> Settings(LimitStore store, string? keyPrefix = null) =>
        store == LimitStore.Memory
            ? []
            : new()
            {
                ["ConnectionStrings:Redis"] = ConnectionString,
                ["Ciudad:Redis:KeyPrefix"] = keyPrefix ?? NewKeyPrefix(),
            };
}
