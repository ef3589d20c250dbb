/// Percentiles of a set of latencies, in milliseconds.
struct LatencyStats: Equatable {
    var count: Int
    var p50: Double
    var p99: Double
    var max: Double

    /// Nearest-rank percentiles of `samples` (nanoseconds); all zero when there are none.
    init(nanoseconds samples: [UInt64]) {
        let sorted = samples.sorted()
        count = sorted.count
        func rank(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = Swift.min(sorted.count - 1, Swift.max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[index]) / 1_000_000
        }
        p50 = rank(0.50)
        p99 = rank(0.99)
        max = rank(1.0)
    }
}
