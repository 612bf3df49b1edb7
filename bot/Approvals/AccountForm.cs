using System.Text.Json;

namespace TeamsPolicyBot.Approvals;

/// <summary>The business case for a new official account (cards/approval-account-form.json).</summary>
public sealed record AccountForm(
    string AccountName, string Aim, string Audience, string Promotion,
    string FirstStaff, string SecondStaff, string Visibility, string LogonRecord, string Note)
{
    public const int MaxFieldLength = 2000;
    public static readonly IReadOnlyList<string> Visibilities = ["open", "closed"];

    public static AccountForm Empty { get; } = new("", "", "", "", "", "", "", "", "");

    public static AccountForm Read(JsonElement? data)
    {
        var form = new FormData(data);
        return new AccountForm(
            form.Text("accountName", 200),
            form.Text("aim", MaxFieldLength),
            form.Text("audience", MaxFieldLength),
            form.Text("promotion", MaxFieldLength),
            form.Text("firstStaff", 200),
            form.Text("secondStaff", 200),
            form.Choice("visibility", Visibilities),
            form.Text("logonRecord", MaxFieldLength),
            form.Text("note", MaxFieldLength));
    }

    public IEnumerable<PolicyNote> Problems()
    {
        if (AccountName.Length == 0) yield return new("Say which platform and what the account would be called.");
        if (Aim.Length == 0) yield return new("Describe the aim of the account.");
        if (Audience.Length == 0) yield return new("Say who the audience is.");
        if (Promotion.Length == 0) yield return new("Say how the account will be promoted.");
        if (FirstStaff.Length == 0 || SecondStaff.Length == 0)
            yield return new("Name two members of staff who will run the account.");
        else if (string.Equals(FirstStaff, SecondStaff, StringComparison.OrdinalIgnoreCase))
            yield return new("Name two different members of staff to run the account.");
        if (Visibility.Length == 0) yield return new("Say whether the account will be open or closed.");
        if (LogonRecord.Length == 0) yield return new("Say where the logon details will be recorded (not the details themselves).");
        foreach (var text in new[] { Aim, Audience, Promotion, LogonRecord, Note })
        {
            if (PersonalInformation.Find(text) is { Count: > 0 } found)
            {
                yield return new($"The request contains {string.Join(" and ", found)}. Take personal information out.");
                yield break;
            }
        }
    }

    public string Title => $"New official account: {AccountName}";

    public IReadOnlyList<RequestField> Fields() =>
    [
        new("Account", AccountName),
        new("Aim", Aim),
        new("Audience", Audience),
        new("Promotion", Promotion),
        new("Run by", $"{FirstStaff} and {SecondStaff}"),
        new("Open or closed", Visibility == "open" ? "Open" : "Closed"),
        new("Logon details recorded in", LogonRecord),
        new("Note for the approver", Note.Length > 0 ? Note : "None"),
    ];
}
