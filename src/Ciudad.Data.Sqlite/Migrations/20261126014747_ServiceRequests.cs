using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ServiceRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sr_api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    key_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    requests_per_minute = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sr_saved_views",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    query = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_saved_views", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_saved_views_platform_users_user_id",
                        column: x => x.user_id,
                        principalTable: "platform_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sr_services",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description_en = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    description_es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    keywords_en = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    keywords_es = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    group_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    group_es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    department_id = table.Column<int>(type: "INTEGER", nullable: false),
                    sla_kind = table.Column<int>(type: "INTEGER", nullable: false),
                    sla_days = table.Column<int>(type: "INTEGER", nullable: false),
                    sensitivity = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_services", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_services_platform_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "platform_departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sr_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    service_id = table.Column<int>(type: "INTEGER", nullable: false),
                    department_id = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    is_open = table.Column<bool>(type: "INTEGER", nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    address_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    zipcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    area_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    expected_at = table.Column<long>(type: "INTEGER", nullable: true),
                    sla_breached_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status_notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    channel = table.Column<int>(type: "INTEGER", nullable: false),
                    api_key_id = table.Column<int>(type: "INTEGER", nullable: true),
                    token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    device_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    reporter_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    reporter_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    reporter_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    reporter_phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    reporter_culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    assigned_to_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    parent_request_id = table.Column<long>(type: "INTEGER", nullable: true),
                    reopen_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_requests_platform_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "platform_departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sr_requests_sr_requests_parent_request_id",
                        column: x => x.parent_request_id,
                        principalTable: "sr_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sr_requests_sr_services_service_id",
                        column: x => x.service_id,
                        principalTable: "sr_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sr_response_templates",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    service_id = table.Column<int>(type: "INTEGER", nullable: true),
                    department_id = table.Column<int>(type: "INTEGER", nullable: false),
                    title_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    title_es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body_en = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    body_es = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    suggested_status = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_response_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_response_templates_platform_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "platform_departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sr_response_templates_sr_services_service_id",
                        column: x => x.service_id,
                        principalTable: "sr_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sr_service_attributes",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    service_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    datatype = table.Column<int>(type: "INTEGER", nullable: false),
                    is_variable = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_required = table.Column<bool>(type: "INTEGER", nullable: false),
                    description_en = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    description_es = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    datatype_description_en = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    datatype_description_es = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_service_attributes", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_service_attributes_service_service_id",
                        column: x => x.service_id,
                        principalTable: "sr_services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sr_request_answers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    request_id = table.Column<long>(type: "INTEGER", nullable: false),
                    attribute_code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_request_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_request_answers_sr_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "sr_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sr_request_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    request_id = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    is_public = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    actor_user_id = table.Column<string>(type: "TEXT", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_request_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_request_events_sr_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "sr_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sr_request_followers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    request_id = table.Column<long>(type: "INTEGER", nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    culture = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    followed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    unsubscribe_token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_request_followers", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_request_followers_sr_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "sr_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sr_request_photos",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    request_id = table.Column<long>(type: "INTEGER", nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    thumbnail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    width = table.Column<int>(type: "INTEGER", nullable: false),
                    height = table.Column<int>(type: "INTEGER", nullable: false),
                    is_public = table.Column<bool>(type: "INTEGER", nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_request_photos", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_request_photos_sr_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "sr_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sr_attribute_values",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    attribute_id = table.Column<int>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_attribute_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_attribute_values_sr_service_attributes_attribute_id",
                        column: x => x.attribute_id,
                        principalTable: "sr_service_attributes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sr_api_keys_key_hash",
                table: "sr_api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_attribute_values_attribute_id_key",
                table: "sr_attribute_values",
                columns: new[] { "attribute_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_request_answers_request_id",
                table: "sr_request_answers",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_sr_request_events_is_public_occurred_at",
                table: "sr_request_events",
                columns: new[] { "is_public", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_request_events_request_id_occurred_at",
                table: "sr_request_events",
                columns: new[] { "request_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_request_followers_request_id_email",
                table: "sr_request_followers",
                columns: new[] { "request_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_request_followers_unsubscribe_token",
                table: "sr_request_followers",
                column: "unsubscribe_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_request_followers_user_id",
                table: "sr_request_followers",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_sr_request_photos_request_id",
                table: "sr_request_photos",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_assigned_to_user_id_is_open",
                table: "sr_requests",
                columns: new[] { "assigned_to_user_id", "is_open" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_department_id_is_open_requested_at",
                table: "sr_requests",
                columns: new[] { "department_id", "is_open", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_is_open_expected_at",
                table: "sr_requests",
                columns: new[] { "is_open", "expected_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_number",
                table: "sr_requests",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_parent_request_id",
                table: "sr_requests",
                column: "parent_request_id");

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_reporter_user_id",
                table: "sr_requests",
                column: "reporter_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_requested_at",
                table: "sr_requests",
                column: "requested_at");

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_service_id_is_open_requested_at",
                table: "sr_requests",
                columns: new[] { "service_id", "is_open", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_token",
                table: "sr_requests",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_updated_at",
                table: "sr_requests",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ix_sr_response_templates_department_id",
                table: "sr_response_templates",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_sr_response_templates_service_id",
                table: "sr_response_templates",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "ix_sr_saved_views_user_id",
                table: "sr_saved_views",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_sr_service_attributes_service_id_code",
                table: "sr_service_attributes",
                columns: new[] { "service_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_services_code",
                table: "sr_services",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_services_department_id",
                table: "sr_services",
                column: "department_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sr_api_keys");

            migrationBuilder.DropTable(
                name: "sr_attribute_values");

            migrationBuilder.DropTable(
                name: "sr_request_answers");

            migrationBuilder.DropTable(
                name: "sr_request_events");

            migrationBuilder.DropTable(
                name: "sr_request_followers");

            migrationBuilder.DropTable(
                name: "sr_request_photos");

            migrationBuilder.DropTable(
                name: "sr_response_templates");

            migrationBuilder.DropTable(
                name: "sr_saved_views");

            migrationBuilder.DropTable(
                name: "sr_service_attributes");

            migrationBuilder.DropTable(
                name: "sr_requests");

            migrationBuilder.DropTable(
                name: "sr_services");
        }
    }
}
