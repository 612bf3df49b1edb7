using System.ComponentModel.DataAnnotations;

namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>The photos attached to post requests: limits, where they are kept, how long, and the full-size links.</summary>
/// <remarks>Bound from the <c>Approvals</c> section beside <see cref="ApprovalsOptions"/> (<c>Approvals:PhotoRetentionDays</c>, …).</remarks>
public sealed class PhotoOptions
{
    public const string Section = ApprovalsOptions.Section;

    /// <summary>How many photos one request may carry.</summary>
    [Range(1, 10)]
    public int MaxPhotos { get; set; } = 10;

    /// <summary>The largest file accepted, in bytes; a download is stopped as soon as it passes this.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public int MaxPhotoBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The most pixels (width × height, read from the file's header before decoding) a photo may have.</summary>
    [Range(1, 200_000_000)]
    public long MaxPhotoPixels { get; set; } = 50_000_000;

    /// <summary>Days after the decision that a request's photos are deleted (at once when it is withdrawn).</summary>
    [Range(0, 3650)]
    public int PhotoRetentionDays { get; set; } = 30;

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan PhotoSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The private blob container that holds the photos.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Approvals:PhotoContainer must be a blob container name: 3-63 lower-case letters, digits and single hyphens.")]
    public string PhotoContainer { get; set; } = "approval-photos";

    /// <summary>How long an "Open full size" link works: long enough to open it, too short to be worth forwarding.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan PhotoLinkLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The bot's public address, in front of its full-size photo links, e.g. <c>https://policybot-oakfield.azurewebsites.net</c>.</summary>
    [ProductionSetting]
    public Uri PhotoLinkBaseUrl { get; set; } = new("http://127.0.0.1:3978");
}
