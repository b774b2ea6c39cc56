namespace Ciudad.Testing;

/// <summary>Waits for background work (another instance, a dispatcher) to reach a state the test then checks.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="done"/> until true; fails with <paramref name="progress"/> after <paramref name="timeout"/> (30 s).</summary>
    public static async Task WaitUntilAsync(Func<bool> done, Func<string> progress, TimeSpan? timeout = null) =>
        await WaitUntilAsync(() => Task.FromResult(done()), progress, timeout);

    public static async Task WaitUntilAsync(Func<Task<bool>> done, Func<string> progress, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Gave up waiting: " + progress());
            }
            await Task.Delay(100);
        }
    }
}
