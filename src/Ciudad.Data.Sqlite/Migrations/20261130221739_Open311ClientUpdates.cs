using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Open311ClientUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sr_open311_client_updates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    api_key_id = table.Column<int>(type: "INTEGER", nullable: false),
                    client_update_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    request_event_id = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_open311_client_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_sr_open311_client_updates_request_event_request_event_id",
                        column: x => x.request_event_id,
                        principalTable: "sr_request_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sr_open311_client_updates_sr_api_keys_api_key_id",
                        column: x => x.api_key_id,
                        principalTable: "sr_api_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sr_open311_client_updates_api_key_id_client_update_id",
                table: "sr_open311_client_updates",
                columns: new[] { "api_key_id", "client_update_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_open311_client_updates_request_event_id",
                table: "sr_open311_client_updates",
                column: "request_event_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sr_open311_client_updates");
        }
    }
}
