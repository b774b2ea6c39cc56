using Ciudad.Platform.Text;

namespace Ciudad.ServiceRequests.Intake;

/// <summary>Text from the outside world, made safe to store and to write as XML.</summary>
internal static class PlainText
{
    /// <summary>
    /// See <see cref="UntrustedText.Clean"/>: PostgreSQL refuses NUL, XML cannot carry control
    /// characters or U+FFFF, and bidirectional overrides make text read backwards elsewhere, so
    /// keeping them would only turn a report into a failure or a trick later.
    /// </summary>
    public static string? Clean(string? value) => UntrustedText.Clean(value);
}
