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

        // Covering indexes for the dashboard: latest votes per item and annotator, annotators' totals
        // and medians, labels per day; each is read without touching the table.
        builder.HasIndex(e => new { e.ProjectId, e.Kind, e.ItemId, e.UserId, e.ClassId });
        builder.HasIndex(e => new { e.ProjectId, e.Kind, e.UserId, e.SecondsSpent, e.ItemId });
        builder.HasIndex(e => new { e.ProjectId, e.Kind, e.CreatedAt });
    }
}
