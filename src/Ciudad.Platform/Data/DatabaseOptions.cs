using System.ComponentModel.DataAnnotations;

namespace Ciudad.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Ciudad:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Embedded default only: migrate and seed demo data on start. PostgreSQL is never migrated
    /// implicitly; an operator runs <c>ciudad migrate</c> as a release step.
    /// </summary>
    public bool MigrateAndSeedOnStart { get; set; } = true;
}

public sealed class DataFolderOptions
{
    public const string Section = "Ciudad";

    /// <summary>Folder for the embedded database, outgoing mail and uploads. Relative paths are under the content root.</summary>
    [Required] public string DataFolder { get; set; } = "App_Data";
}
