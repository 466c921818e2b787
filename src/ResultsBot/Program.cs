using ResultsBot.Cli;

return await BotLauncher.RunAsync(args, Console.In, Console.Out, Console.Error);
