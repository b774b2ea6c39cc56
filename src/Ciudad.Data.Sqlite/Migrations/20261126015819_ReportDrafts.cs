using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sr_report_drafts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    service_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    zipcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    location_saved = table.Column<bool>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    answers_json = table.Column<string>(type: "TEXT", nullable: false),
                    details_saved = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    notify_by_email = table.Column<bool>(type: "INTEGER", nullable: false),
                    contact_saved = table.Column<bool>(type: "INTEGER", nullable: false),
                    submitted_number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    submitted_with_email = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_report_drafts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sr_report_draft_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    draft_id = table.Column<long>(type: "INTEGER", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    thumbnail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    width = table.Column<int>(type: "INTEGER", nullable: false),
                    height = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_report_draft_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_report_draft_photos_sr_report_drafts_draft_id",
                        column: x => x.draft_id,
                        principalTable: "sr_report_drafts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sr_report_draft_photos_draft_id",
                table: "sr_report_draft_photos",
                column: "draft_id");

            migrationBuilder.CreateIndex(
                name: "ix_sr_report_drafts_created_at",
                table: "sr_report_drafts",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_sr_report_drafts_token_hash",
                table: "sr_report_drafts",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sr_report_draft_photos");

            migrationBuilder.DropTable(
                name: "sr_report_drafts");
        }
    }
}
