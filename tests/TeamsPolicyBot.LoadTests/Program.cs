using TeamsPolicyBot.LoadTests;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

await using var bed = await TestBed.StartAsync(options.Pack, options.BotDll, options.Mode == "two-instances" ? TwoInstanceRuns.Settings : null);
Console.WriteLine($"Azurite on 127.0.0.1:{bed.Azurite.Port}, connector at {bed.Connector.ServiceUrl}, bot at {bed.Ours.Address} (pid {bed.Ours.Id})");
switch (options.Mode)
{
    case "load":
        await LoadRun.RunAsync(options, bed);
        break;
    case "storage-outage":
        await FaultRuns.StorageOutageAsync(bed, await bed.FullInformationQuestionsAsync(options.Pack));
        break;
    case "connector-storm":
        await FaultRuns.ConnectorStormAsync(bed, await bed.FullInformationQuestionsAsync(options.Pack));
        break;
    case "kill-mid-approval":
        await FaultRuns.KillMidApprovalAsync(bed);
        break;
    case "two-instances":
        await TwoInstanceRuns.RunAsync(bed);
        break;
    case "faults":
        var questions = await bed.FullInformationQuestionsAsync(options.Pack);
        await FaultRuns.KillMidApprovalAsync(bed);
        await FaultRuns.ConnectorStormAsync(bed, questions);
        await FaultRuns.StorageOutageAsync(bed, questions);
        break;
    default:
        Console.Error.WriteLine($"Unknown mode {options.Mode}.");
        Console.Error.WriteLine(LoadOptions.Usage);
        return 2;
}
return 0;
