using Azure.Data.Tables;
using TeamsPolicyBot.Dialogs;
using TeamsPolicyBot.Testing;

namespace TeamsPolicyBot.LoadTests;

/// <summary>Everything a run starts on 127.0.0.1 — Azurite, the recording connector, our bot — and stops again.</summary>
public sealed class TestBed : IAsyncDisposable
{
    private readonly string? _botDll;

    private TestBed(
        string repositoryRoot, AzuriteProcess azurite, RecordingConnector connector, string pack, string? botDll, Dictionary<string, string> settings)
    {
        _botDll = botDll;
        Settings = settings;
        RepositoryRoot = repositoryRoot;
        Azurite = azurite;
        Connector = connector;
        Pack = pack;
        Activities = new LoadActivities(repositoryRoot, connector.ServiceUrl);
    }

    public string RepositoryRoot { get; }

    public AzuriteProcess Azurite { get; }

    public RecordingConnector Connector { get; }

    public LoadActivities Activities { get; }

    public string Pack { get; }

    /// <summary>Configuration every bot this bed starts gets (environment variables); a change applies to the next started.</summary>
    public Dictionary<string, string> Settings { get; }

    public BotProcess Ours { get; private set; } = null!;

    public static async Task<TestBed> StartAsync(string pack, string? botDll, IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = AzuriteProcess.RepositoryRoot(AppContext.BaseDirectory);
        var azurite = await AzuriteProcess.StartAsync(root);
        var connector = await RecordingConnector.StartAsync();
        var bed = new TestBed(root, azurite, connector, pack, botDll, new Dictionary<string, string>(settings ?? new Dictionary<string, string>()));
        try
        {
            // A deployed bot has this table from the first dialog that ever waited for an answer.
            await new TableServiceClient(azurite.ConnectionString).GetTableClient(ConversationStateStore.TableName).CreateIfNotExistsAsync();
            await bed.RestartOursAsync();
        }
        catch
        {
            await bed.DisposeAsync();
            throw;
        }
        return bed;
    }

    /// <summary>Starts our bot (again, on the same port after a kill) on the same Azurite.</summary>
    public async Task RestartOursAsync()
    {
        int? port = Ours is null ? null : Ours.Address.Port;
        Ours?.Dispose();
        Ours = await BotProcess.StartOursAsync(RepositoryRoot, Azurite.ConnectionString, Pack, _botDll, port, settings: Settings);
    }

    /// <summary>Another instance of our bot beside <see cref="Ours"/>, on the same Azurite, connector and settings.</summary>
    public Task<BotProcess> StartAnotherAsync(string name) =>
        BotProcess.StartOursAsync(RepositoryRoot, Azurite.ConnectionString, Pack, _botDll, name: name, settings: Settings);

    /// <summary>Another build of our bot (<paramref name="dll"/>) beside <see cref="Ours"/>, on the same Azurite and connector.</summary>
    public Task<BotProcess> StartOtherBuildAsync(string dll) =>
        BotProcess.StartOursAsync(RepositoryRoot, Azurite.ConnectionString, Pack, dll, name: "other build");

    public LoadDriver Driver(BotProcess bot, IReadOnlyList<string> questions) => new(bot, Connector, Activities, questions);

    /// <summary>The pack's questions our bot answers in one turn, without asking anything back.</summary>
    public async Task<IReadOnlyList<string>> FullInformationQuestionsAsync(string trust)
    {
        var all = LoadActivities.Questions(RepositoryRoot, trust);
        using var probe = Driver(Ours, all);
        var answered = new List<string>();
        for (var i = 0; i < all.Count; i++)
        {
            var turn = await probe.TurnAsync(i, all[i]);
            if (turn.Reply?.IsGuidanceAnswer == true)
                answered.Add(all[i]);
        }
        return answered.Count > 0
            ? answered
            : throw new InvalidOperationException($"The bot answered none of the {all.Count} {trust} questions in one turn.");
    }

    public async ValueTask DisposeAsync()
    {
        Ours?.Dispose();
        await Connector.DisposeAsync();
        Azurite.Dispose();
    }
}
