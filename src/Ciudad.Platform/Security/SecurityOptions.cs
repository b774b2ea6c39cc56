using System.ComponentModel.DataAnnotations;

namespace Ciudad.Platform.Security;

public sealed class SecurityOptions
{
    public const string Section = "Ciudad:Security";

    /// <summary>HTTPS redirection, HSTS and Secure-only cookies. On by default; off only for local HTTP runs and tests.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Idle time after which a session ends (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Staff must enrol TOTP before any staff page.</summary>
    public bool RequireStaffMfa { get; set; } = true;

    /// <summary>Public POSTs per client address per minute (every form a visitor can submit).</summary>
    [Range(1, 100000)] public int PublicPostsPerMinute { get; set; } = 30;

    /// <summary>Sign-in, registration and reset attempts per client address per minute.</summary>
    [Range(1, 100000)] public int AccountAttemptsPerMinute { get; set; } = 10;
}
