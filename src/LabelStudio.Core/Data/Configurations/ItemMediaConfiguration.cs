using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelStudio.Core.Data.Configurations;

internal sealed class ItemMediaConfiguration : IEntityTypeConfiguration<ItemMedia>
{
    public void Configure(EntityTypeBuilder<ItemMedia> builder)
    {
        builder.HasKey(m => m.ItemId);
        builder.HasOne<Item>().WithOne().HasForeignKey<ItemMedia>(m => m.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.ProjectId);
        builder.Property(m => m.Format).HasMaxLength(16);
    }
}
