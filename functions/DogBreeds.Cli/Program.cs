Console.WriteLine("dogbreeds: commands arrive with the core pipeline.");
return 0;
