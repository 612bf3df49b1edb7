namespace TeamsPolicyBot.Approvals.Photos;

/// <summary>A photo ready to store: re-encoded as JPEG with no metadata, the right way up, and its card thumbnail.</summary>
public sealed record CleanPhoto(byte[] Jpeg, byte[] Thumbnail, int Width, int Height);

/// <summary>A photo made clean, or why it was refused (a sentence for the member of staff that names the file).</summary>
public sealed record PhotoOutcome(CleanPhoto? Photo, string? Refusal)
{
    public static PhotoOutcome Refused(string refusal) => new(null, refusal);
}
