using System.Diagnostics;
using OpenTelemetry;

namespace TeamsPolicyBot.Telemetry;

/// <summary>
/// Runs on every span before any exporter sees it: URLs lose their ids and query (<see cref="UrlRedaction"/>), and
/// a failed span keeps its <c>error.type</c> but not its status description, which quotes the exception's message.
/// The Azure Monitor distro turns the instrumentations' own query redaction off, so this is what keeps a token in a
/// query string out of Application Insights.
/// </summary>
public sealed class RedactingSpanProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlAttributes = ["url.full", "http.url", "url.original"];
    private static readonly string[] PathAttributes = ["url.path", "http.target"];

    public override void OnEnd(Activity activity)
    {
        foreach (var name in UrlAttributes)
        {
            if (activity.GetTagItem(name) is string url)
                activity.SetTag(name, UrlRedaction.Redact(url));
        }
        foreach (var name in PathAttributes)
        {
            if (activity.GetTagItem(name) is string path)
                activity.SetTag(name, UrlRedaction.RedactPath(path));
        }
        if (activity.GetTagItem("url.query") is not null)
            activity.SetTag("url.query", null);
        if (activity.DisplayName.Contains('/'))
            activity.DisplayName = RedactName(activity.DisplayName);
        if (activity.Status == ActivityStatusCode.Error && activity.StatusDescription is not null)
            activity.SetStatus(ActivityStatusCode.Error);
    }

    /// <summary>"POST /v3/conversations/a:1…/activities" → "POST /v3/conversations/{id}/activities".</summary>
    private static string RedactName(string name)
    {
        var space = name.IndexOf(' ');
        return space < 0 ? UrlRedaction.Redact(name) : name[..(space + 1)] + UrlRedaction.Redact(name[(space + 1)..]);
    }
}
