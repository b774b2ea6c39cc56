using Ciudad.Platform.City;
using Ciudad.Platform.Identity;
using Ciudad.Platform.Localization;
using Microsoft.Extensions.Options;

namespace Ciudad.Platform.Email;

/// <summary>
/// Queues emails from bilingual templates, in the recipient's language. Templates are catalog
/// strings <c>Email.{Template}.Subject</c> and <c>Email.{Template}.Body</c> with numbered
/// placeholders; {0} is always the city's name in that language.
/// </summary>
public sealed class Emails(Outbox.Outbox outbox, StringCatalog strings, IOptions<CityOptions> city)
{
    public void Queue(string to, string culture, string template, params object?[] arguments)
    {
        culture = SupportedCultures.Normalize(culture);
        object?[] all = [city.Value.Name(culture), .. arguments];
        var subject = strings.Format(culture, $"Email.{template}.Subject", all);
        var body = strings.Format(culture, $"Email.{template}.Body", all)
            + "\n\n-- \n" + strings.Format(culture, "Email.Signature", all);
        outbox.Enqueue(EmailOutboxHandler.MessageType, new EmailMessage(to, subject, body, culture));
    }

    /// <summary>Absolute link for an email, from the configured public base URL.</summary>
    public string Link(string pathAndQuery) => city.Value.PublicBaseUrl.TrimEnd('/') + pathAndQuery;
}
