using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ServiceRequestIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sr_requests_service_id_is_open_requested_at",
                table: "sr_requests");

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_area_code_requested_at",
                table: "sr_requests",
                columns: new[] { "area_code", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_closed_at",
                table: "sr_requests",
                column: "closed_at");

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_service_id_is_open_requested_at_id",
                table: "sr_requests",
                columns: new[] { "service_id", "is_open", "requested_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sr_requests_area_code_requested_at",
                table: "sr_requests");

            migrationBuilder.DropIndex(
                name: "ix_sr_requests_closed_at",
                table: "sr_requests");

            migrationBuilder.DropIndex(
                name: "ix_sr_requests_service_id_is_open_requested_at_id",
                table: "sr_requests");

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_service_id_is_open_requested_at",
                table: "sr_requests",
                columns: new[] { "service_id", "is_open", "requested_at" });
        }
    }
}
