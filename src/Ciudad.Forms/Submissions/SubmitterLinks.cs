using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Ciudad.Forms.Submissions;

/// <summary>
/// The submitter's own pages (status, answering a question, the PDF copy) are reached without an
/// account, through a key in the links of their emails: the reference sealed with the app's
/// data-protection keys. Nothing is stored, every email can carry the link, and a key for one
/// submission opens no other. Old keys keep opening links after the keys rotate.
/// </summary>
internal sealed class SubmitterLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Ciudad.Forms.SubmitterLink.v1");

    public string Key(string reference) => _protector.Protect(reference);

    public bool Opens(string reference, string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 400)
        {
            return false;
        }
        try
        {
            return string.Equals(_protector.Unprotect(key), reference, StringComparison.Ordinal);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public string Status(string reference) => $"/forms/submissions/{reference}?key={Uri.EscapeDataString(Key(reference))}";

    public string Copy(string reference) => $"/forms/submissions/{reference}/copy.pdf?key={Uri.EscapeDataString(Key(reference))}";
}
