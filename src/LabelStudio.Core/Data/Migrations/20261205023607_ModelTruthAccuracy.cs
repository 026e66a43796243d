using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelStudio.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ModelTruthAccuracy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "TruthAccuracy",
                table: "ModelVersions",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TruthItemCount",
                table: "ModelVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TruthAccuracy",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "TruthItemCount",
                table: "ModelVersions");
        }
    }
}
