using LabelStudio.Core.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelStudio.Core.Data.Configurations;

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.HasOne<Item>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Cascade);

        // One lease per item and annotator; how many annotators may hold an item at once (the project's
        // overlap) is checked inside the immediate transaction that takes the lease.
        builder.HasIndex(l => new { l.ItemId, l.UserId }).IsUnique();
        builder.HasIndex(l => new { l.ProjectId, l.UserId });
    }
}
