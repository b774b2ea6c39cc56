using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ciudad.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddressPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "address_match",
                table: "sr_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sr_address_points",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    street_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    street_key = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    zipcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sr_address_points", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sr_requests_address_match_is_open",
                table: "sr_requests",
                columns: new[] { "address_match", "is_open" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_address_points_key",
                table: "sr_address_points",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sr_address_points_latitude_longitude",
                table: "sr_address_points",
                columns: new[] { "latitude", "longitude" });

            migrationBuilder.CreateIndex(
                name: "ix_sr_address_points_number_street_name",
                table: "sr_address_points",
                columns: new[] { "number", "street_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sr_address_points");

            migrationBuilder.DropIndex(
                name: "ix_sr_requests_address_match_is_open",
                table: "sr_requests");

            migrationBuilder.DropColumn(
                name: "address_match",
                table: "sr_requests");
        }
    }
}
