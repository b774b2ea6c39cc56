using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Postgres.Migrations
{
    /// <summary>
    /// Each name_en/name_es-style pair becomes one JSON column ({"en": …, "es": …}) read through
    /// LocalizedText, on PostgreSQL (jsonb). Hand-edited from the scaffold (which dropped the old columns
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
                migrationBuilder.AddColumn<string>(name: column, table: table, type: "jsonb", nullable: false, defaultValue: "{}");
                migrationBuilder.Sql(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "UPDATE {0} SET \"{1}\" = jsonb_build_object('en', {1}_en, 'es', {1}_es)", table, column));
                migrationBuilder.DropColumn(name: column + "_en", table: table);
                migrationBuilder.DropColumn(name: column + "_es", table: table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column, length) in Texts)
            {
                migrationBuilder.AddColumn<string>(name: column + "_en", table: table, type: $"character varying({length})", maxLength: length, nullable: false, defaultValue: "");
                migrationBuilder.AddColumn<string>(name: column + "_es", table: table, type: $"character varying({length})", maxLength: length, nullable: false, defaultValue: "");
                migrationBuilder.Sql(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    "UPDATE {0} SET {1}_en = COALESCE(\"{1}\" ->> 'en', ''), {1}_es = COALESCE(\"{1}\" ->> 'es', '')", table, column));
                migrationBuilder.DropColumn(name: column, table: table);
            }
        }
    }
}
