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
            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_area_code_requested_at",
                table: "sr_requests",
                columns: new[] { "area_code", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_closed_at",
                table: "sr_requests",
                column: "closed_at");
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
        }
    }
}
