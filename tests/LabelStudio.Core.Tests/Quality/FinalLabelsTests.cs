using LabelStudio.Core.Data.Entities;
using LabelStudio.Core.Quality;

namespace LabelStudio.Core.Tests.Quality;

public sealed class FinalLabelsTests
{
    private const int Cat = 1, Dog = 2, Fox = 3;
    private long _nextEvent = 1;

    [Fact]
    public void NoVotesMeansNoLabel()
    {
        var final = FinalLabels.Resolve([Skip("ann")], FinalLabelRule.Majority);

        Assert.Equal(FinalLabel.Unlabeled, final);
    }

    [Fact]
    public void OneAnnotatorsLatestLabelIsFinal()
    {
        var first = Vote("ann", Cat);
        var relabel = Vote("ann", Dog);

        var final = FinalLabels.Resolve([first, relabel], FinalLabelRule.Majority);

        Assert.Equal(new FinalLabel(Dog, relabel.EventId, LabelSource.Single, 1), final);
    }

    [Fact]
    public void MajorityRuleTakesTheClassWithMostVotes()
    {
        var a = Vote("a", Cat);
        var b = Vote("b", Dog);
        var c = Vote("c", Cat);

        var final = FinalLabels.Resolve([a, b, c], FinalLabelRule.Majority);

        // The winner's latest vote is the event exports show.
        Assert.Equal(new FinalLabel(Cat, c.EventId, LabelSource.Majority, 3), final);
    }

    [Fact]
    public void MajorityRuleSendsATieToReview()
    {
        var final = FinalLabels.Resolve([Vote("a", Cat), Vote("b", Dog)], FinalLabelRule.Majority);

        Assert.Equal(new FinalLabel(null, null, LabelSource.Disputed, 2), final);
    }

    [Fact]
    public void MajorityRuleAcceptsAPluralityAmongThreeClasses()
    {
        ItemDecision[] votes = [Vote("a", Cat), Vote("b", Cat), Vote("c", Dog), Vote("d", Fox)];

        var final = FinalLabels.Resolve(votes, FinalLabelRule.Majority);

        Assert.Equal(Cat, final.ClassId);
        Assert.Equal(LabelSource.Majority, final.Source);
    }

    [Fact]
    public void LeadDecidesRuleSendsEveryDisagreementToReview()
    {
        var final = FinalLabels.Resolve([Vote("a", Cat), Vote("b", Cat), Vote("c", Dog)], FinalLabelRule.LeadDecides);

        Assert.Equal(new FinalLabel(null, null, LabelSource.Disputed, 3), final);
    }

    [Fact]
    public void LeadDecidesRuleKeepsUnanimousVotes()
    {
        var a = Vote("a", Cat);
        var b = Vote("b", Cat);

        var final = FinalLabels.Resolve([a, b], FinalLabelRule.LeadDecides);

        Assert.Equal(new FinalLabel(Cat, b.EventId, LabelSource.Majority, 2), final);
    }

    [Fact]
    public void AnAnnotatorChangingTheirMindCountsOnce()
    {
        // a: Cat then Dog; b: Dog. Votes are a=Dog, b=Dog: unanimous.
        var final = FinalLabels.Resolve([Vote("a", Cat), Vote("b", Dog), Vote("a", Dog)], FinalLabelRule.LeadDecides);

        Assert.Equal(Dog, final.ClassId);
        Assert.Equal(2, final.VoteCount);
    }

    [Fact]
    public void AReviewOverrulesTheVotesAndLaterVotes()
    {
        var review = Review("lead", Fox);

        var final = FinalLabels.Resolve(
            [Vote("a", Cat), Vote("b", Dog), review, Vote("c", Cat)], FinalLabelRule.Majority);

        Assert.Equal(new FinalLabel(Fox, review.EventId, LabelSource.Review, 3), final);
    }

    [Fact]
    public void TheLatestReviewWins()
    {
        var vote = Vote("a", Cat);
        var first = Review("lead", Cat);
        var second = Review("lead", Dog);

        var final = FinalLabels.Resolve([second, vote, first], FinalLabelRule.Majority);

        Assert.Equal(Dog, final.ClassId);
        Assert.Equal(second.EventId, final.EventId);
    }

    private ItemDecision Vote(string user, int classId) => Next(user, LabelEventKind.Label, classId);

    private ItemDecision Skip(string user) => Next(user, LabelEventKind.Skip, null);

    private ItemDecision Review(string user, int classId) => Next(user, LabelEventKind.Review, classId);

    private ItemDecision Next(string user, LabelEventKind kind, int? classId) =>
        new(_nextEvent++, ItemId: 7, user, kind, classId);
}
