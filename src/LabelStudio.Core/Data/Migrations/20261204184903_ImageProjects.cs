using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelStudio.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImageProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DataKind",
                table: "Projects",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Embedder",
                table: "Projects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ItemMedia",
                columns: table => new
                {
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    RelativePath = table.Column<string>(type: "TEXT", nullable: false),
                    StoredFolder = table.Column<string>(type: "TEXT", nullable: false),
                    OriginalFile = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayFile = table.Column<string>(type: "TEXT", nullable: false),
                    ThumbnailFile = table.Column<string>(type: "TEXT", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    ByteSize = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemMedia", x => x.ItemId);
                    table.ForeignKey(
                        name: "FK_ItemMedia_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ItemMedia_ProjectId",
                table: "ItemMedia",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ItemMedia");

            migrationBuilder.DropColumn(
                name: "DataKind",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "Embedder",
                table: "Projects");
        }
    }
}
