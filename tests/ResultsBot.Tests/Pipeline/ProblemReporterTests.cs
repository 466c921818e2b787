using ResultsBot.Application.Operations;
using ResultsBot.Feeds;
using ResultsBot.Operations;
using ResultsBot.Application.Pipeline;
using ResultsBot.Tests.Support;

namespace ResultsBot.Tests.Pipeline;

public sealed class ProblemReporterTests
{
    [Fact]
    public void Report_SameBadFileTwice_NamesItOnceWithItsReasonAndCountsItOnce()
    {
        var logger = new RecordingLogger<ProblemReporter>();
        var metrics = new BotMetrics();
        var reporter = new ProblemReporter(logger, metrics);
        var document = new FeedDocument("/feeds/pa/Local_Test_result_Gateshead_1.xml", [1, 2, 3]);

        reporter.Report(document, "LocalElectionResult: <Party name='LD'> change='-2147483648' is not a plausible seat change");
        reporter.Report(document, "LocalElectionResult: <Party name='LD'> change='-2147483648' is not a plausible seat change");

        Assert.Equal(["Skipped Local_Test_result_Gateshead_1.xml: LocalElectionResult: <Party name='LD'> change='-2147483648' is not a plausible seat change"], logger.Lines);
        Assert.Equal(1, MeterReadings.Sum(metrics.Meter, "resultsbot_feed_files_refused"));
    }

    [Fact]
    public void DisplayName_UrlWithSecrets_IsShownRedacted()
    {
        Assert.Equal("https://pa:***@feeds.example.com/results/x.xml?key=***", ProblemReporter.DisplayName("https://pa:hunter2@feeds.example.com/results/x.xml?key=abc"));
    }
}
