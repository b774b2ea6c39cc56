using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SingleUseAuthenticatorCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_authenticator_time_step",
                table: "platform_users",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_authenticator_time_step",
                table: "platform_users");
        }
    }
}
