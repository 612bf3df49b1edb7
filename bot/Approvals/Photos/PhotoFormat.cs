namespace TeamsPolicyBot.Approvals.Photos;

public enum PhotoFormat
{
    Other,
    Jpeg,
    Png,
    Heic,
}

/// <summary>What a file is, from its first bytes: its name and the content type Teams reports are only claims.</summary>
public static class PhotoFormats
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];

    public static PhotoFormat Sniff(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith(Jpeg))
            return PhotoFormat.Jpeg;
        if (file.StartsWith(Png))
            return PhotoFormat.Png;
        // An ISO base media file: a box size, then "ftyp" and the major brand.
        if (file.Length >= 12 && file[4..8].SequenceEqual("ftyp"u8)
            && HeifBrands.Contains(System.Text.Encoding.ASCII.GetString(file[8..12])))
            return PhotoFormat.Heic;
        return PhotoFormat.Other;
    }
}
