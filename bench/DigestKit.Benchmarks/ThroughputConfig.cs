using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DigestKit.Benchmarks;

/// <summary>Adds an MB/s column: UTF-8 bytes of input per operation over the mean time.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn());

    /// <summary>Set by each benchmark's GlobalSetup; the column runs in the same process as the summary only when
    /// the host computes it, so it is recomputed from the sample files when unset.</summary>
    public static long BytesPerOperation { get; set; }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Statistics;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "UTF-8 megabytes (10^6) of digest text parsed per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            var mean = report?.ResultStatistics?.Mean;
            if (mean is not > 0)
            {
                return "-";
            }

            var bytes = BytesPerOperation > 0 ? BytesPerOperation : SampleFiles.Load().Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(f.Text));
            return (bytes / 1e6 / (mean.Value / 1e9)).ToString("F1");
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
    }
}
