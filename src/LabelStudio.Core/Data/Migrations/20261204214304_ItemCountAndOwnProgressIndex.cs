using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelStudio.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ItemCountAndOwnProgressIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ItemCount",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing projects start from their true count; imports keep it from here on.
            migrationBuilder.Sql(
                "UPDATE \"Projects\" SET \"ItemCount\" = " +
                "(SELECT COUNT(*) FROM \"Items\" WHERE \"Items\".\"ProjectId\" = \"Projects\".\"Id\");");

            migrationBuilder.CreateIndex(
                name: "IX_LabelEvents_ProjectId_UserId_Kind_ItemId_CreatedAt",
                table: "LabelEvents",
                columns: new[] { "ProjectId", "UserId", "Kind", "ItemId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LabelEvents_ProjectId_UserId_Kind_ItemId_CreatedAt",
                table: "LabelEvents");

            migrationBuilder.DropColumn(
                name: "ItemCount",
                table: "Projects");
        }
    }
}
