using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelStudio.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectLabelCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LabelsGiven",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LabelsImported",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing projects start from their true counts; label saves and imports keep them from here on.
            migrationBuilder.Sql(
                "UPDATE \"Projects\" SET " +
                "\"LabelsGiven\" = (SELECT COUNT(*) FROM \"LabelEvents\" AS e " +
                "WHERE e.\"ProjectId\" = \"Projects\".\"Id\" AND e.\"Kind\" = 'Label'), " +
                "\"LabelsImported\" = (SELECT COUNT(*) FROM \"LabelEvents\" AS e " +
                "WHERE e.\"ProjectId\" = \"Projects\".\"Id\" AND e.\"UserId\" = '' AND e.\"Kind\" = 'Label');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LabelsGiven",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "LabelsImported",
                table: "Projects");
        }
    }
}
