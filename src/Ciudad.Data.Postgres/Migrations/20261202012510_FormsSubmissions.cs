using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ciudad.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FormsSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fm_forms",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "jsonb", nullable: false),
                    purpose = table.Column<string>(type: "jsonb", nullable: false),
                    audience = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    retention_days = table.Column<int>(type: "integer", nullable: false),
                    draft_json = table.Column<string>(type: "text", nullable: false),
                    published_version_id = table.Column<long>(type: "bigint", nullable: true),
                    replaced_by_slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fm_forms", x => x.id);
                    table.ForeignKey(
                        name: "fk_fm_forms_platform_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "platform_departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fm_form_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    form_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    definition_json = table.Column<string>(type: "text", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fm_form_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_fm_form_versions_fm_forms_form_id",
                        column: x => x.form_id,
                        principalTable: "fm_forms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fm_drafts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    resume_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    resume_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    form_id = table.Column<long>(type: "bigint", nullable: false),
                    form_version_id = table.Column<long>(type: "bigint", nullable: false),
                    user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    answers_json = table.Column<string>(type: "text", nullable: false),
                    pages_done = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fm_drafts", x => x.id);
                    table.ForeignKey(
                        name: "fk_fm_drafts_fm_form_versions_form_version_id",
                        column: x => x.form_version_id,
                        principalTable: "fm_form_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_fm_drafts_fm_forms_form_id",
                        column: x => x.form_id,
                        principalTable: "fm_forms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fm_submissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reference = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    form_id = table.Column<long>(type: "bigint", nullable: false),
                    form_version_id = table.Column<long>(type: "bigint", nullable: false),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    answers_json = table.Column<string>(type: "text", nullable: false),
                    culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    submitter_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fee_cents = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    assigned_to_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    assigned_to_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fm_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_fm_submissions_fm_form_versions_form_version_id",
                        column: x => x.form_version_id,
                        principalTable: "fm_form_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fm_submissions_fm_forms_form_id",
                        column: x => x.form_id,
                        principalTable: "fm_forms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fm_submission_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    submission_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    actor_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    visible_to_submitter = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fm_submission_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_fm_submission_events_fm_submissions_submission_id",
                        column: x => x.submission_id,
                        principalTable: "fm_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fm_drafts_form_id",
                table: "fm_drafts",
                column: "form_id");

            migrationBuilder.CreateIndex(
                name: "ix_fm_drafts_form_version_id",
                table: "fm_drafts",
                column: "form_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_fm_drafts_resume_hash",
                table: "fm_drafts",
                column: "resume_hash");

            migrationBuilder.CreateIndex(
                name: "ix_fm_drafts_token_hash",
                table: "fm_drafts",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fm_drafts_updated_at",
                table: "fm_drafts",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_fm_drafts_user_id_form_id",
                table: "fm_drafts",
                columns: new[] { "user_id", "form_id" });

            migrationBuilder.CreateIndex(
                name: "ix_fm_form_versions_form_id_number",
                table: "fm_form_versions",
                columns: new[] { "form_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fm_forms_department_id",
                table: "fm_forms",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_fm_forms_slug",
                table: "fm_forms",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fm_forms_status_audience",
                table: "fm_forms",
                columns: new[] { "status", "audience" });

            migrationBuilder.CreateIndex(
                name: "ix_fm_submission_events_submission_id_at",
                table: "fm_submission_events",
                columns: new[] { "submission_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_fm_submissions_decided_at",
                table: "fm_submissions",
                column: "decided_at");

            migrationBuilder.CreateIndex(
                name: "ix_fm_submissions_department_id_status_submitted_at",
                table: "fm_submissions",
                columns: new[] { "department_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_fm_submissions_form_id_submitted_at",
                table: "fm_submissions",
                columns: new[] { "form_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_fm_submissions_form_version_id",
                table: "fm_submissions",
                column: "form_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_fm_submissions_reference",
                table: "fm_submissions",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fm_submissions_user_id",
                table: "fm_submissions",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fm_drafts");

            migrationBuilder.DropTable(
                name: "fm_submission_events");

            migrationBuilder.DropTable(
                name: "fm_submissions");

            migrationBuilder.DropTable(
                name: "fm_form_versions");

            migrationBuilder.DropTable(
                name: "fm_forms");
        }
    }
}
