using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Sqlite.Migrations
{
    /// <summary>
    /// Each name_en/name_es-style pair becomes one JSON column ({"en": …, "es": …}) read through
    /// LocalizedText, on SQLite (JSON text). Hand-edited from the scaffold (which dropped the old columns
    /// first): add the new column, copy every row's two texts into it, then drop the pair. Down copies back.
    /// </summary>
    public partial class LocalizedText : Migration
    {
        /// <summary>Table, new column (the old pair is column_en/column_es), the old columns' length.</summary>
        private static readonly (string Table, string Column, int Length)[] Texts =
        [
            ("platform_departments", "name", 200),
            ("sr_services", "name", 200),
            ("sr_services", "description", 2000),
            ("sr_services", "keywords", 1000),
            ("sr_services", "group", 200),
            ("sr_service_attributes", "description", 1000),
            ("sr_service_attributes", "datatype_description", 500),
            ("sr_attribute_values", "name", 200),
            ("sr_response_templates", "title", 200),
            ("sr_response_templates", "body", 4000),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column, _) in Texts)
            {
                migrationBuilder.AddColumn<string>(name: column, table: table, type: "TEXT", nullable: false, defaultValue: "{}");
                migrationBuilder.Sql(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "UPDATE {0} SET \"{1}\" = json_object('en', {1}_en, 'es', {1}_es)", table, column));
                // SQLite's own DROP COLUMN (the old columns have no index or constraint): EF's DropColumn
                // rebuilds the table, which cannot run inside the migration's transaction.
                migrationBuilder.Sql($"ALTER TABLE {table} DROP COLUMN {column}_en");
                migrationBuilder.Sql($"ALTER TABLE {table} DROP COLUMN {column}_es");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column, length) in Texts)
            {
                migrationBuilder.AddColumn<string>(name: column + "_en", table: table, type: "TEXT", maxLength: null, nullable: false, defaultValue: "");
                migrationBuilder.AddColumn<string>(name: column + "_es", table: table, type: "TEXT", maxLength: null, nullable: false, defaultValue: "");
                migrationBuilder.Sql(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "UPDATE {0} SET {1}_en = COALESCE(json_extract(\"{1}\", '$.en'), ''), {1}_es = COALESCE(json_extract(\"{1}\", '$.es'), '')", table, column));
                migrationBuilder.Sql($"ALTER TABLE {table} DROP COLUMN \"{column}\"");
            }
        }
    }
}
