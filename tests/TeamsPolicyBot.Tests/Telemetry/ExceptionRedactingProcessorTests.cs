using System.Globalization;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using TeamsPolicyBot.Storage;
using TeamsPolicyBot.Telemetry;

namespace TeamsPolicyBot.Tests.Telemetry;

public class ExceptionRedactingProcessorTests
{
    [Fact]
    public void OnEnd_ExceptionQuotingWhatWasTyped_ExportsItsTypeAndStackWithoutTheText()
    {
        var failure = Thrown(() => int.Parse("Marigold Featherstonehaugh", CultureInfo.InvariantCulture));
        Assert.Contains("Featherstonehaugh", failure.Message);

        var record = Export(failure);

        Assert.IsType<RedactedException>(record.Exception);
        Assert.DoesNotContain("Featherstonehaugh", record.Exception.ToString());
        Assert.Equal("System.FormatException (message withheld)", record.Exception.Message);
        var stack = Assert.Single(record.Attributes!, attribute => attribute.Key == ExceptionRedactingProcessor.StackTraceAttribute).Value as string;
        Assert.Contains(nameof(ExceptionRedactingProcessorTests), stack);
        Assert.DoesNotContain("Featherstonehaugh", stack);
        Assert.Contains(record.Attributes!, attribute => attribute.Key == "{OriginalFormat}");
    }

    [Fact]
    public void OnEnd_SafeExceptionWrappingOneThatQuotesText_RedactsTheWholeChain()
    {
        var failure = new StorageUnavailableException("Table storage could not be reached.",
            new AggregateException(new KeyNotFoundException("The given key 'Featherstonehaugh' was not present in the dictionary.")));

        var record = Export(failure);

        Assert.DoesNotContain("Featherstonehaugh", record.Exception!.ToString());
        Assert.Contains(typeof(StorageUnavailableException).FullName!, record.Exception.Message);
        Assert.Contains(typeof(AggregateException).FullName!, record.Exception.InnerException!.Message);
    }

    [Fact]
    public void OnEnd_StorageOrNetworkFailure_KeepsTheExceptionAndItsMessage()
    {
        var failure = new StorageUnavailableException("Table storage could not be reached.", new HttpRequestException("Connection refused (127.0.0.1:10002)"));

        var record = Export(failure);

        Assert.Same(failure, record.Exception);
        Assert.DoesNotContain(record.Attributes!, attribute => attribute.Key == ExceptionRedactingProcessor.StackTraceAttribute);
    }

    private static LogRecord Export(Exception exception)
    {
        var exported = new List<LogRecord>();
        using (var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(options =>
               {
                   options.AddProcessor(new ExceptionRedactingProcessor());
                   options.AddInMemoryExporter(exported);
               })))
        {
            logging.CreateLogger("Turns").LogError(exception, "Turn failed: {ActivityType}", "message");
        }
        return Assert.Single(exported);
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }
        throw new InvalidOperationException("It did not throw.");
    }
}
