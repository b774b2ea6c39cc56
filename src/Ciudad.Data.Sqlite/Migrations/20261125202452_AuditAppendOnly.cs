using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Sqlite.Migrations
{
    /// <summary>
    /// The audit log is append-only: the database itself refuses to change or delete an entry.
    /// (Someone with full control of the file can still drop the triggers; the hash chain, checked
    /// by <c>ciudad audit verify</c>, is what catches that.)
    /// </summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_entries_no_update BEFORE UPDATE ON platform_audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_entries_no_delete BEFORE DELETE ON platform_audit_entries
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS platform_audit_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS platform_audit_entries_no_delete;");
        }
    }
}
