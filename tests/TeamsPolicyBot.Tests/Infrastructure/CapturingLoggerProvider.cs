using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TeamsPolicyBot.Tests.Infrastructure;

/// <summary>
/// Records every log line the bot writes, as a console logger would print it: the formatted message, the exception
/// and each scope with its named values. Add it with <c>services.AddSingleton&lt;ILoggerProvider&gt;(provider)</c>.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<CapturedScope>();
            provider._scopes.ForEachScope((scope, list) => list.Add(CapturedScope.From(scope)), scopes);
            provider._logs.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString(), scopes, CapturedScope.From(state).Values));
        }
    }
}

/// <summary>One log line: what a console logger would print of it, and its structured values.</summary>
public sealed record CapturedLog(
    string Category, LogLevel Level, string Message, string? Exception, IReadOnlyList<CapturedScope> Scopes,
    IReadOnlyDictionary<string, string?> Values)
{
    /// <summary>Everything a log sink could show of this line, as one string.</summary>
    public string AllText => string.Join("\n", [Category, Message, Exception, .. Values.Select(v => $"{v.Key}={v.Value}"), .. Scopes.Select(s => s.AllText)]);

    /// <summary>The value of <paramref name="name"/> in the innermost scope that has it.</summary>
    public string? ScopeValue(string name) =>
        Scopes.LastOrDefault(scope => scope.Values.ContainsKey(name))?.Values[name];
}

public sealed record CapturedScope(string Text, IReadOnlyDictionary<string, string?> Values)
{
    public string AllText => string.Join("\n", [Text, .. Values.Select(v => $"{v.Key}={v.Value}")]);

    public static CapturedScope From(object? state)
    {
        var values = new Dictionary<string, string?>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            foreach (var (key, value) in pairs)
                values[key] = value?.ToString();
        return new CapturedScope(state?.ToString() ?? "", values);
    }
}
