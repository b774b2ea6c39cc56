using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciudad.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ConfirmedFollowers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmation_sent_at",
                table: "sr_request_followers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "confirmation_token_hash",
                table: "sr_request_followers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "confirmed_at",
                table: "sr_request_followers",
                type: "timestamp with time zone",
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
