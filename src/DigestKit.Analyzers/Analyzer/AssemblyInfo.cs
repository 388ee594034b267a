using System.Runtime.CompilerServices;

// The analyzer tests inject a failing or hanging engine through DigestAnalyzer's internal constructor.
[assembly: InternalsVisibleTo("DigestKit.Analyzers.Tests")]
