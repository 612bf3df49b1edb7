using Microsoft.Extensions.Options;
using TeamsPolicyBot.Reminders;
using TeamsPolicyBot.Tests.Dialogs;

namespace TeamsPolicyBot.Tests.Reminders;

public class DeliveryPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 7, 0, 0, TimeSpan.Zero);

    private static DeliveryPacer Pacer(ManualTimeProvider clock, double perSecond = 10) =>
        new(Options.Create(new ReminderOptions { MessagesPerSecond = perSecond }), clock);

    [Fact]
    public void Reserve_BurstOfPosts_SpacesThemAtTheConfiguredRate()
    {
        var pacer = Pacer(new ManualTimeProvider(Start));

        var waits = Enumerable.Range(0, 5).Select(_ => pacer.Reserve()).ToList();

        Assert.Equal([0, 100, 200, 300, 400], waits.Select(w => (int)Math.Round(w.TotalMilliseconds)));
    }

    [Fact]
    public void Reserve_SenderWaitingAsToldForTenSeconds_PostsRateTimesTen()
    {
        var clock = new ManualTimeProvider(Start);
        var pacer = Pacer(clock, perSecond: 8);
        var posted = 0;

        while (true)
        {
            clock.Advance(pacer.Reserve());
            if (clock.GetUtcNow() >= Start.AddSeconds(10))
                break;
            posted++;
        }

        Assert.Equal(80, posted);
    }

    [Fact]
    public void Throttled_WithRetryAfter_NoPostUntilThenAndSlower()
    {
        var clock = new ManualTimeProvider(Start);
        var pacer = Pacer(clock, perSecond: 8);

        pacer.Throttled(TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), pacer.Reserve());
        Assert.Equal(TimeSpan.FromSeconds(5 + 1 / 6.0).TotalMilliseconds, pacer.Reserve().TotalMilliseconds, precision: 3);
        Assert.Equal(6, pacer.Rate);
    }

    [Fact]
    public void Throttled_SeveralPostsRefusedDuringOnePause_SlowsDownOnce()
    {
        var clock = new ManualTimeProvider(Start);
        var pacer = Pacer(clock, perSecond: 8);

        pacer.Throttled(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        pacer.Throttled(TimeSpan.FromSeconds(1));
        pacer.Throttled(TimeSpan.FromSeconds(1));

        Assert.Equal(6, pacer.Rate);
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve());
    }

    [Fact]
    public void Succeeded_ManyAfterThrottling_RateRecoversButNeverExceedsConfigured()
    {
        var pacer = Pacer(new ManualTimeProvider(Start));
        pacer.Throttled(null);

        for (var i = 0; i < 10_000; i++)
            pacer.Succeeded();

        Assert.Equal(10, pacer.Rate);
    }

    [Fact]
    public void Throttled_Repeatedly_RateHasAFloor()
    {
        var pacer = Pacer(new ManualTimeProvider(Start), perSecond: 16);

        for (var i = 0; i < 50; i++)
            pacer.Throttled(TimeSpan.Zero);

        Assert.Equal(1, pacer.Rate);
    }
}
