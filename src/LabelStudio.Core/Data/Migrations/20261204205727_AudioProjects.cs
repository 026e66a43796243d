using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelStudio.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AudioProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AutoplayAudio",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "DurationSeconds",
                table: "ItemMedia",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RawFeatures",
                table: "ItemMedia",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SpectrogramFile",
                table: "ItemMedia",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoplayAudio",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "DurationSeconds",
                table: "ItemMedia");

            migrationBuilder.DropColumn(
                name: "RawFeatures",
                table: "ItemMedia");

            migrationBuilder.DropColumn(
                name: "SpectrogramFile",
                table: "ItemMedia");
        }
    }
}
