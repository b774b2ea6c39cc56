using Microsoft.AspNetCore.Identity;

namespace Ciudad.Platform.Identity;

/// <summary>A person with a Ciudad account: a resident, a business user or a member of staff.</summary>
public sealed class CiudadUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>"en" or "es": the language of pages after sign-in and of every email we send.</summary>
    public string PreferredCulture { get; set; } = SupportedCultures.Default;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an administrator invites the person as staff; staff must enrol TOTP.</summary>
    public bool IsStaff { get; set; }

    /// <summary>Staff can be deactivated without deleting their audit trail.</summary>
    public bool IsDeactivated { get; set; }

    /// <summary>
    /// The 30-second time step of the last authenticator code accepted, so that no code (nor an
    /// older one) is accepted twice (RFC 6238 §5.2). See <see cref="SingleUseAuthenticatorTokenProvider"/>.
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}

public sealed class CiudadRole : IdentityRole
{
    public CiudadRole() { }

    public CiudadRole(string name) : base(name) { }
}
