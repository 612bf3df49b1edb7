using System.ComponentModel.DataAnnotations;

namespace TeamsPolicyBot.Guidance;

/// <summary>Configuration section <c>Policy</c>: which trust's pack the bot answers from.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>The pack id, e.g. <c>fierte</c>: the file <c>policies/&lt;Pack&gt;.yaml</c>.</summary>
    [Required]
    [ProductionSetting]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Policy:Pack must be a pack id such as 'fierte' or 'wy-catholic'.")]
    public string Pack { get; set; } = "";

    /// <summary>Where the packs are; defaults to the <c>policies</c> folder shipped beside the bot.</summary>
    public string? Directory { get; set; }
}
