namespace Ciudad.ServiceRequests.Addresses;

/// <summary>
/// How a request given only an address got its point (stored on the request; null when the
/// reporter gave coordinates).
/// </summary>
internal enum AddressMatch
{
    /// <summary>The address as typed is one of the city's address points.</summary>
    Exact = 1,

    /// <summary>Close enough to one point to be it (a typo, a missing direction or type).</summary>
    Fuzzy = 2,

    /// <summary>No address point fits confidently: the request stays without a point for staff to place.</summary>
    Unmatched = 3,
}
