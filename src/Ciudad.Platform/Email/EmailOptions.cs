using System.ComponentModel.DataAnnotations;

namespace Ciudad.Platform.Email;

public enum EmailDelivery
{
    /// <summary>Write each message as an .eml file (embedded default; listed on the "sent mail" page).</summary>
    Pickup,
    Smtp,
}

public sealed class EmailOptions
{
    public const string Section = "Ciudad:Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;

    /// <summary>Pickup folder; relative paths are under the data folder.</summary>
    public string PickupFolder { get; set; } = "mail";

    [Required, EmailAddress] public string FromAddress { get; set; } = "no-reply@ciudad.example";
    [Required] public string FromName { get; set; } = "Ciudad";

    public string? SmtpHost { get; set; }
    [Range(1, 65535)] public int SmtpPort { get; set; } = 587;

    /// <summary>None, StartTls (port 587) or SslOnConnect (port 465).</summary>
    public string SmtpSecurity { get; set; } = "StartTls";
    public string? SmtpUserName { get; set; }

    /// <summary>Set from a secret store or environment variable (<c>Ciudad__Email__SmtpPassword</c>), never in the repository.</summary>
    public string? SmtpPassword { get; set; }
}
