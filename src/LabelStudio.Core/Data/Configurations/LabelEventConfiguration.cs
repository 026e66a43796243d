using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelStudio.Core.Data.Configurations;

internal sealed class LabelEventConfiguration : IEntityTypeConfiguration<LabelEvent>
{
    public void Configure(EntityTypeBuilder<LabelEvent> builder)
    {
        builder.HasOne<Item>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LabelClass>().WithMany().HasForeignKey(e => e.ClassId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.HasIndex(e => new { e.ProjectId, e.CreatedAt });
        builder.HasIndex(e => new { e.ProjectId, e.Kind });
        builder.HasIndex(e => new { e.ItemId, e.UserId });

        // Covers the dashboard's one read of the label events, already in (item, annotator) order.
        builder.HasIndex(e => new { e.ProjectId, e.Kind, e.ItemId, e.UserId, e.ClassId, e.CreatedAt, e.SecondsSpent });

        // Covers an annotator's own counts, read per key press: they cost the annotator's events, not
        // every event of the project.
        builder.HasIndex(e => new { e.ProjectId, e.UserId, e.Kind, e.ItemId, e.CreatedAt });
    }
}
