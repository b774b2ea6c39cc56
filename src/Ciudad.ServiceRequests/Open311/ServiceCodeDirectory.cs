using System.Collections.Concurrent;

namespace Ciudad.ServiceRequests.Open311;

/// <summary>
/// Service code → id, remembered for the life of the process. Codes never change once a service
/// exists (catalog administration refuses it) and services are deactivated, not deleted, so an
/// entry never goes stale; a code not yet known is looked up again, so new services appear at once.
/// Saves the list endpoint a database round trip per call.
/// </summary>
internal sealed class ServiceCodeDirectory
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);

    public bool TryGet(string code, out int id) => _ids.TryGetValue(code, out id);

    public void Remember(string code, int id) => _ids[code] = id;
}
