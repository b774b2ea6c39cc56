using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Postgres.Migrations
{
    /// <summary>
    /// The audit log is append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. (A superuser can
    /// still disable it; the hash chain, checked by <c>ciudad audit verify</c>, catches that.)
    /// </summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION platform_audit_entries_refuse_change() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only';
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_entries_append_only
                BEFORE UPDATE OR DELETE ON platform_audit_entries
                FOR EACH ROW EXECUTE FUNCTION platform_audit_entries_refuse_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_entries_no_truncate
                BEFORE TRUNCATE ON platform_audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_entries_refuse_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS platform_audit_entries_no_truncate ON platform_audit_entries;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS platform_audit_entries_append_only ON platform_audit_entries;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS platform_audit_entries_refuse_change();");
        }
    }
}
