using Herald.Host;

return await HeraldProgram.RunAsync(args, Console.Out, Console.Error);
