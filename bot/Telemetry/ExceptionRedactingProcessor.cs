using System.Net.Sockets;
using Azure;
using Azure.Identity;
using OpenTelemetry;
using OpenTelemetry.Logs;
using TeamsPolicyBot.Storage;

namespace TeamsPolicyBot.Telemetry;

/// <summary>
/// Runs on every log record before any exporter sees it. An exception's message can quote what staff typed or what
/// was stored: since .NET 8 a <see cref="FormatException"/> quotes its input, and a card template error quotes the
/// card's data. Exceptions that describe storage, the network or signing in keep their messages; any other is sent
/// as a <see cref="RedactedException"/> (its type and stack trace, no message), with the stack trace also as the
/// record's <see cref="StackTraceAttribute"/>, since Application Insights reads frames only from a thrown exception.
/// </summary>
public sealed class ExceptionRedactingProcessor : BaseProcessor<LogRecord>
{
    public const string StackTraceAttribute = "exception.redacted_stacktrace";

    public override void OnEnd(LogRecord record)
    {
        if (record.Exception is not { } exception || HasSafeMessages(exception))
            return;
        var redacted = new RedactedException(exception);
        record.Exception = redacted;
        record.Attributes = [.. record.Attributes ?? [], new(StackTraceAttribute, redacted.ToString())];
    }

    /// <summary>Whether every message in the exception and its inner exceptions is written by storage, the network or sign-in.</summary>
    public static bool HasSafeMessages(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.All(HasSafeMessages),
        StorageUnavailableException or RequestFailedException or HttpRequestException or SocketException or TimeoutException
            or OperationCanceledException or AuthenticationFailedException or CredentialUnavailableException =>
            exception.InnerException is null || HasSafeMessages(exception.InnerException),
        _ => false,
    };
}

/// <summary>An exception as telemetry carries it when its message may quote user data: the original's type and stack trace only.</summary>
public sealed class RedactedException(Exception original)
    : Exception($"{original.GetType().FullName} (message withheld)", original.InnerException is { } inner ? new RedactedException(inner) : null)
{
    private readonly string? _stackTrace = original.StackTrace;

    public override string? StackTrace => _stackTrace;
}
