using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelStudio.Core.Data.Configurations;

internal sealed class ItemFeaturesConfiguration : IEntityTypeConfiguration<ItemFeatures>
{
    public void Configure(EntityTypeBuilder<ItemFeatures> builder)
    {
        builder.HasKey(f => f.ItemId);
        builder.HasOne<Item>().WithOne().HasForeignKey<ItemFeatures>(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ProjectId);
    }
}
