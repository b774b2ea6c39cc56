namespace Ciudad.ServiceRequests.Intake;

/// <summary>Text from the outside world, made safe to store and to write as XML.</summary>
public static class PlainText
{
    /// <summary>
    /// Removes C0 control characters other than tab and line breaks: PostgreSQL refuses NUL in text
    /// and XML cannot carry the others, so they would only turn a report into a failure later.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Any(IsDropped))
        {
            return value;
        }
        return new string([.. value.Where(c => !IsDropped(c))]);
    }

    private static bool IsDropped(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c == '\u007F';
}
