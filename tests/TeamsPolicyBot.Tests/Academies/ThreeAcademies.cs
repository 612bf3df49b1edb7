using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsPolicyBot.Tests.Approvals;
using TeamsPolicyBot.Tests.Infrastructure;

namespace TeamsPolicyBot.Tests.Academies;

/// <summary>
/// A trust of three academies over real HTTP: the bot (<see cref="ApprovalsHost"/>, Azurite, fake connector) and a
/// loopback <see cref="FakeGraph"/>. The Henry Box School and Wood Green School are found through School Data Sync,
/// Queen Emma's through the Entra department; one teacher is in both Henry Box and Wood Green; one is known to
/// neither and must choose. The trust's approvers are Jo and Priya (<see cref="ApprovalsHost"/>).
/// </summary>
public sealed class ThreeAcademies : IAsyncDisposable
{
    public const string HenryBox = "henry-box";
    public const string QueenEmmas = "queen-emmas";
    public const string WoodGreen = "wood-green";
    public const string HenryBoxName = "The Henry Box School";
    public const string QueenEmmasName = "Queen Emma's Primary School";
    public const string WoodGreenName = "Wood Green School";
    public const string QueenEmmasGroup = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
    public const string HenryBoxAccount = "The Henry Box School on X, @HenryBoxSchool";
    public const string QueenEmmasAccount = "Queen Emma's Facebook page";
    public const string TrustAccount = "Fierté Trust on LinkedIn";

    public static readonly Staff HenryBoxTeacher = Person("a0000001", "Hana Box");
    public static readonly Staff QueenEmmasTeacher = Person("a0000002", "Quinn Emma");
    public static readonly Staff WoodGreenTeacher = Person("a0000003", "Wren Green");
    public static readonly Staff TwoSchoolsTeacher = Person("a0000004", "Tom Both");
    public static readonly Staff HenryBoxHead = Person("b0000001", "Helen Head");
    public static readonly Staff QueenEmmasHead = Person("b0000002", "Quentin Head");
    public static readonly Staff WoodGreenHead = Person("b0000003", "Wendy Head");
    public static readonly Staff HenryBoxDsl = Person("c0000001", "Harriet Dsl");
    public static readonly Staff QueenEmmasDsl = Person("c0000002", "Queenie Dsl");
    public static readonly Staff QueenEmmasDeputy = Person("c0000003", "Quincy Deputy");
    public static readonly Staff WoodGreenDsl = Person("c0000004", "Wilma Dsl");
    public static readonly Staff TrustDsl = Person("c0000005", "Terry Dsl");
    public static readonly Staff QueenEmmasAdmin = Person("d0000001", "Quill Admin");
    public static readonly Staff TrustAdmin = Person("d0000002", "Tara Admin");

    private ThreeAcademies(ApprovalsHost host, FakeGraph graph)
    {
        Host = host;
        Graph = graph;
    }

    public ApprovalsHost Host { get; }

    public FakeGraph Graph { get; }

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Policy:Pack"] = "fierte",
        ["Approvals:Accounts:0"] = TrustAccount,
        ["Safeguarding:Contacts"] = TrustDsl.AadObjectId,
        ["Admin:Users"] = TrustAdmin.AadObjectId,
        ["AcademyLookup:Attribute"] = "department",
        [$"Academies:{HenryBox}:Name"] = HenryBoxName,
        [$"Academies:{HenryBox}:SchoolIds"] = "HB-4000",
        [$"Academies:{HenryBox}:Approvers"] = HenryBoxHead.AadObjectId,
        [$"Academies:{HenryBox}:SafeguardingContacts"] = HenryBoxDsl.AadObjectId,
        [$"Academies:{HenryBox}:Accounts:0"] = HenryBoxAccount,
        [$"Academies:{QueenEmmas}:Name"] = QueenEmmasName,
        [$"Academies:{QueenEmmas}:AttributeValues"] = "Queen Emma's Primary, QEPS",
        [$"Academies:{QueenEmmas}:ApproverGroupId"] = QueenEmmasGroup,
        [$"Academies:{QueenEmmas}:SafeguardingContacts"] = $"{QueenEmmasDsl.AadObjectId},{QueenEmmasDeputy.AadObjectId}",
        [$"Academies:{QueenEmmas}:SafeguardingLeadNames"] = "Ms Dsl or Mr Deputy",
        [$"Academies:{QueenEmmas}:Accounts:0"] = QueenEmmasAccount,
        [$"Academies:{QueenEmmas}:Admins"] = QueenEmmasAdmin.AadObjectId,
        [$"Academies:{WoodGreen}:Name"] = WoodGreenName,
        [$"Academies:{WoodGreen}:SchoolIds"] = "WG-4001",
        [$"Academies:{WoodGreen}:Approvers"] = WoodGreenHead.AadObjectId,
        [$"Academies:{WoodGreen}:SafeguardingContacts"] = WoodGreenDsl.AadObjectId,
    };

    public static async Task<ThreeAcademies> StartAsync(AzuriteFixture azurite, Dictionary<string, string?>? overrides = null)
    {
        var graph = await FakeGraph.StartAsync();
        graph.Schools[HenryBoxTeacher.AadObjectId] = ["HB-4000"];
        graph.Schools[TwoSchoolsTeacher.AadObjectId] = ["HB-4000", "WG-4001"];
        graph.Departments[QueenEmmasTeacher.AadObjectId] = "Queen Emma's Primary";
        graph.Groups[QueenEmmasGroup] = [QueenEmmasHead.AadObjectId];
        var settings = Settings();
        foreach (var (key, value) in overrides ?? [])
            settings[key] = value;
        var host = await ApprovalsHost.StartAsync(azurite, settings, services => services.AddSingleton(graph.Client()));
        return new ThreeAcademies(host, graph);
    }

    /// <summary>Presses the academy picker's button for <paramref name="academyId"/>.</summary>
    public Task<JsonNode> ChooseAsync(Staff who, string academyId, string then = "") =>
        Host.InvokeAsync("academy.choose", new JsonObject { ["academy"] = academyId, ["then"] = then }, who);

    /// <summary>Sends a post request form for <paramref name="academyId"/> as <paramref name="who"/>; returns the invoke body.</summary>
    public Task<JsonNode> SubmitPostAsync(Staff who, string academyId, string account)
    {
        var form = ApprovalsHost.GoodPost();
        form["account"] = account;
        form["academy"] = academyId;
        // Each form is its own message: the request id is made from the form's message id.
        return Host.InvokeAsync("approval.submit", form, who, replyToId: Random.Shared.NextInt64(1_700_000_000_000, 1_800_000_000_000).ToString());
    }

    /// <summary>The id of the request a submission made, from the card that answered it.</summary>
    public static string RequestId(JsonNode body) =>
        body["value"]?["refresh"]?["action"]?["data"]?["requestId"]?.GetValue<string>()
        ?? throw new Xunit.Sdk.XunitException($"the submission was not accepted: {body.ToJsonString()}");

    /// <summary>The people the bot opened 1:1 conversations with, by Entra object id, among <paramref name="sent"/>.</summary>
    public static IReadOnlyList<string> MessagedPeople(IEnumerable<RecordedRequest> sent) =>
        sent.Where(r => r.Method == "POST" && r.PathAndQuery.EndsWith("/v3/conversations", StringComparison.Ordinal))
            .Select(r => (string?)r.Json["members"]?[0]?["id"])
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The academy picker's buttons: academy id per button.</summary>
    public static IReadOnlyList<string> PickerChoices(JsonNode card) =>
        card["body"]!.AsArray().OfType<JsonObject>()
            .Where(e => (string?)e["type"] == "ActionSet")
            .SelectMany(e => e["actions"]!.AsArray().OfType<JsonObject>())
            .Where(a => (string?)a["verb"] == "academy.choose")
            .Select(a => (string)a["data"]!["academy"]!)
            .ToList();

    private static Staff Person(string prefix, string name)
    {
        var id = $"{prefix}-1111-4222-8333-{prefix}4444";
        return new Staff("29:1" + prefix + name.Replace(" ", ""), id, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
