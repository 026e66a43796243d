using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelStudio.Core.Data.Configurations;

internal sealed class ItemRankConfiguration : IEntityTypeConfiguration<ItemRank>
{
    public void Configure(EntityTypeBuilder<ItemRank> builder)
    {
        builder.HasKey(r => new { r.ItemId, r.ModelVersion });
        builder.HasOne<Item>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);

        // The next-item query walks this index in rank order and stops at the first free item.
        builder.HasIndex(r => new { r.ProjectId, r.ModelVersion, r.Rank });
    }
}
