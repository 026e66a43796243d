using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelStudio.Core.Data.Configurations;

internal sealed class TrainingStateConfiguration : IEntityTypeConfiguration<TrainingState>
{
    public void Configure(EntityTypeBuilder<TrainingState> builder)
    {
        builder.HasKey(s => s.ProjectId);
        builder.HasOne<Project>().WithOne().HasForeignKey<TrainingState>(s => s.ProjectId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
