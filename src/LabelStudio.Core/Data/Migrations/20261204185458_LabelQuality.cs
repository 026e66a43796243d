using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelStudio.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LabelQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FinalLabelRule",
                table: "Projects",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Majority");

            migrationBuilder.AddColumn<string>(
                name: "ConfusionJson",
                table: "ModelVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SamplePredictionsJson",
                table: "ModelVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LabelSource",
                table: "Items",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<int>(
                name: "VoteCount",
                table: "Items",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Items labeled before final labels existed: their label came from one annotator.
            migrationBuilder.Sql(
                """
                UPDATE "Items" SET
                    "VoteCount" = (SELECT COUNT(DISTINCT e."UserId") FROM "LabelEvents" AS e
                                   WHERE e."ItemId" = "Items"."Id" AND e."Kind" = 'Label'),
                    "LabelSource" = 'Single'
                WHERE "CurrentLabelEventId" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_LabelEvents_ProjectId_Kind_ItemId_UserId_ClassId_CreatedAt_SecondsSpent",
                table: "LabelEvents",
                columns: new[] { "ProjectId", "Kind", "ItemId", "UserId", "ClassId", "CreatedAt", "SecondsSpent" });

            migrationBuilder.CreateIndex(
                name: "IX_Items_ProjectId_LabelSource",
                table: "Items",
                columns: new[] { "ProjectId", "LabelSource" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_LabelEvents_ProjectId_Kind_ItemId_UserId_ClassId_CreatedAt_SecondsSpent",
                table: "LabelEvents");

            migrationBuilder.DropIndex(
                name: "IX_Items_ProjectId_LabelSource",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "FinalLabelRule",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "ConfusionJson",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "SamplePredictionsJson",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "LabelSource",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "VoteCount",
                table: "Items");
        }
    }
}
