using Ciudad.Platform.Data;
using Ciudad.Platform.Departments;
using Ciudad.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Ciudad.Testing;

/// <summary>A person the test made, with what they need to sign in.</summary>
public sealed record TestPerson(string Id, string Email, string Password, string? AuthenticatorKey)
{
    /// <summary>A code from the person's authenticator app that has not been used yet (codes work once).</summary>
    public string NextCode() => Totp.NextCode(AuthenticatorKey ?? throw new InvalidOperationException($"{Email} has no authenticator."));
}

/// <summary>
/// Authenticator codes for tests. The app accepts each code once and never an older one, so a test
/// that signs the same person in twice within 30 seconds needs codes from different time steps:
/// this hands out each step once, from one step behind now to one ahead (inside the server's window
/// even if the step changes on the way), and waits for the next step only when those are used up.
/// </summary>
public static class Totp
{
    private static readonly Dictionary<string, long> LastStepUsed = [];

    public static string NextCode(string base32Key)
    {
        var key = base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        lock (LastStepUsed)
        {
            while (true)
            {
                var now = CurrentStep();
                var step = Math.Max(now - 1, LastStepUsed.GetValueOrDefault(key, long.MinValue) + 1);
                if (step <= now + 1)
                {
                    LastStepUsed[key] = step;
                    return CodeAt(key, step);
                }
                Thread.Sleep(TimeSpan.FromSeconds(30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30 + 1));
            }
        }
    }

    /// <summary>The code the app shows now, without marking it used (for tests that replay it on purpose).</summary>
    public static string CurrentCode(string base32Key) =>
        CodeAt(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), CurrentStep());

    private static long CurrentStep() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    private static string CodeAt(string key, long step) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
}

/// <summary>Test data builders for people: residents and staff in any role.</summary>
public static class TestPeople
{
    public const string Password = "correct-horse-battery-42";

    public static string UniqueEmail(string prefix = "person") => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}@example.test";

    public static Task<TestPerson> CreateResidentAsync(this CiudadApp app, string? email = null, string culture = "en", bool confirmed = true) =>
        app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CiudadUser>>();
            var user = new CiudadUser
            {
                UserName = email ?? UniqueEmail("resident"),
                Email = email ?? null,
                EmailConfirmed = confirmed,
                PreferredCulture = culture,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            user.Email ??= user.UserName;
            Check(await users.CreateAsync(user, Password));
            return new TestPerson(user.Id, user.Email, Password, null);
        });

    /// <summary>
    /// Staff in <paramref name="role"/> (Agent, DepartmentManager, Administrator); department by slug for the first two.
    /// With <paramref name="enrolMfa"/> the person has an authenticator app set up, as staff must.
    /// </summary>
    public static Task<TestPerson> CreateStaffAsync(this CiudadApp app, string role, string? departmentSlug = "streets-and-maintenance", bool enrolMfa = true, string culture = "en") =>
        app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CiudadUser>>();
            var db = sp.GetRequiredService<CiudadDbContext>();
            var user = new CiudadUser
            {
                UserName = UniqueEmail(role.ToLowerInvariant()),
                EmailConfirmed = true,
                IsStaff = true,
                PreferredCulture = culture,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            user.Email = user.UserName;
            Check(await users.CreateAsync(user, Password));
            if (role == StaffRoles.Administrator)
            {
                Check(await users.AddToRoleAsync(user, StaffRoles.Administrator));
            }
            else
            {
                var department = await db.Departments.SingleAsync(d => d.Slug == departmentSlug);
                db.DepartmentMembers.Add(new DepartmentMember
                {
                    DepartmentId = department.Id,
                    UserId = user.Id,
                    Role = role == StaffRoles.DepartmentManager ? DepartmentRole.Manager : DepartmentRole.Agent,
                    AddedAt = DateTimeOffset.UtcNow,
                });
                await db.SaveChangesAsync();
            }
            string? key = null;
            if (enrolMfa)
            {
                Check(await users.ResetAuthenticatorKeyAsync(user));
                key = await users.GetAuthenticatorKeyAsync(user);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
            return new TestPerson(user.Id, user.Email, Password, key);
        });

    public static Task<int> DepartmentIdAsync(this CiudadApp app, string slug) =>
        app.WithDbAsync(db => db.Departments.Where(d => d.Slug == slug).Select(d => d.Id).SingleAsync());

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
