// HotPapers: explore the "Hot Papers" digests that DigestKit embedded from content/ at build time.
return HotPapers.App.Run(args, Console.Out, Console.Error);
