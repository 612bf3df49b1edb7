using System.Text.RegularExpressions;

namespace TeamsPolicyBot.Approvals;

/// <summary>Spots personal details in a post's text: email addresses, phone numbers, postcodes and street addresses.</summary>
public static partial class PersonalInformation
{
    /// <returns>What kinds were found, in words ("an email address", "a phone number"); empty when none.</returns>
    public static IReadOnlyList<string> Find(string text)
    {
        var found = new List<string>();
        if (Email().IsMatch(text)) found.Add("an email address");
        if (Phone().IsMatch(text)) found.Add("a phone number");
        if (Postcode().IsMatch(text) || StreetAddress().IsMatch(text)) found.Add("a home or street address");
        return found;
    }

    public static bool HasLink(string text) => Link().IsMatch(text);

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    // UK numbers: 07… mobiles, 01…/02… landlines, +44; digits may be split by spaces or hyphens.
    [GeneratedRegex(@"(?<!\d)(\+44\s?\(?0?\)?\s?|0)\d([\s-]?\d){8,9}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b\d{1,4}[A-Za-z]?\s+([A-Z][a-z]+\s+){1,3}(Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Grove|Place|Court|Gardens|Terrace)\b")]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
