using Ciudad.Forms.Catalog;
using Ciudad.Forms.Filling;
using Ciudad.Forms.Submissions;
using Ciudad.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciudad.Forms;

/// <summary>The module's tables on the one <see cref="CiudadDbContext"/>; only this module reads them.</summary>
internal static class FormsData
{
    public static DbSet<Form> Forms(this CiudadDbContext db) => db.Set<Form>();
    public static DbSet<FormVersion> FormVersions(this CiudadDbContext db) => db.Set<FormVersion>();
    public static DbSet<FormDraft> FormDrafts(this CiudadDbContext db) => db.Set<FormDraft>();
    public static DbSet<Submission> Submissions(this CiudadDbContext db) => db.Set<Submission>();
    public static DbSet<SubmissionEvent> SubmissionEvents(this CiudadDbContext db) => db.Set<SubmissionEvent>();
}
