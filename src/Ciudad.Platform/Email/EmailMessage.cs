namespace Ciudad.Platform.Email;

/// <summary>A rendered email, as stored in the outbox: delivery needs nothing else.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string Culture);
