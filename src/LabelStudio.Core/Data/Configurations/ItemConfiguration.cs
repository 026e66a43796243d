using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelStudio.Core.Data.Configurations;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> builder)
    {
        builder.HasOne<Project>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ProjectId, i.ExternalId }).IsUnique();
        builder.Property(i => i.LabelSource).HasDefaultValue(LabelSource.None);
        builder.HasIndex(i => new { i.ProjectId, i.CurrentClassId });
        builder.HasIndex(i => new { i.ProjectId, i.Ordinal });
        builder.HasIndex(i => new { i.ProjectId, i.LabelSource });
    }
}
