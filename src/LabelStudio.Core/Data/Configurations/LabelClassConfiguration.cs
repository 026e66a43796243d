using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelStudio.Core.Data.Configurations;

internal sealed class LabelClassConfiguration : IEntityTypeConfiguration<LabelClass>
{
    public void Configure(EntityTypeBuilder<LabelClass> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Color).HasMaxLength(16);
        builder.Property(c => c.Hotkey).HasMaxLength(1);
        builder.HasIndex(c => new { c.ProjectId, c.Name }).IsUnique();
    }
}
