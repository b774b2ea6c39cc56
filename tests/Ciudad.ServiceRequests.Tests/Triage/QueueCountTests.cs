using Ciudad.ServiceRequests.Triage;

namespace Ciudad.ServiceRequests.Tests.Triage;

/// <summary>How far the queue counts for a page: a thousand at first, never a dead end before the overall limit.</summary>
public sealed class QueueCountTests
{
    [Fact]
    public void The_first_pages_count_a_thousand_and_every_page_below_the_limit_links_on()
    {
        Assert.Equal(1_000, QueueQuery.CountTo(1));
        Assert.Equal(1_000, QueueQuery.CountTo(39));
        // Page 40 holds rows 976–1,000: counting must go past it, or page 40 would look like the last.
        Assert.Equal(2_000, QueueQuery.CountTo(40));
        var lastPage = QueueQuery.CountLimit / QueueFilter.PageSize;
        for (var page = 1; page < lastPage; page++)
        {
            Assert.True(QueueQuery.CountTo(page) > page * QueueFilter.PageSize, $"page {page} counts only to {QueueQuery.CountTo(page)}");
        }
        Assert.Equal(QueueQuery.CountLimit, QueueQuery.CountTo(lastPage));
        Assert.Equal(QueueQuery.CountLimit, QueueQuery.CountTo(int.MaxValue / QueueFilter.PageSize));
    }
}
