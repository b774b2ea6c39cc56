using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConfirmedFollowers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "confirmation_sent_at",
                table: "sr_request_followers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmation_token_hash",
                table: "sr_request_followers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "confirmed_at",
                table: "sr_request_followers",
                type: "INTEGER",
                nullable: true);

            // Followers from before confirmation existed were already getting every update:
            // they count as confirmed since they followed, so nobody's emails silently stop.
            migrationBuilder.Sql("UPDATE sr_request_followers SET confirmed_at = followed_at;");

            migrationBuilder.CreateIndex(
                name: "ix_sr_request_followers_confirmation_token_hash",
                table: "sr_request_followers",
                column: "confirmation_token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sr_request_followers_confirmation_token_hash",
                table: "sr_request_followers");

            migrationBuilder.DropColumn(
                name: "confirmation_sent_at",
                table: "sr_request_followers");

            migrationBuilder.DropColumn(
                name: "confirmation_token_hash",
                table: "sr_request_followers");

            migrationBuilder.DropColumn(
                name: "confirmed_at",
                table: "sr_request_followers");
        }
    }
}
