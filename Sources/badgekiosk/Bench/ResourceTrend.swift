/// The service's memory and open descriptors over a soak, compared like with like: a restart resets
/// both, so only samples taken well after the latest start count, and the second half of the run is
/// held against the first.
struct ResourceTrend: Equatable {
    /// One look at the running service.
    struct Sample: Equatable {
        /// Seconds into the run.
        var at: Double
        /// Seconds since this service process started.
        var sinceStart: Double
        var residentKilobytes: Int
        var descriptors: Int
    }

    /// The settled samples of one half of the run.
    struct Half: Equatable {
        var count: Int
        var medianKilobytes: Int
        var maxKilobytes: Int
        var medianDescriptors: Int
        var maxDescriptors: Int
    }

    /// A sample counts once the service has run this long, past its start-up and the recovery of what
    /// the kill left half done.
    static let settledAfter = 10.0
    /// How many percent the second half's median RSS may exceed the first half's and still count as flat.
    static let memoryGrowthPercent = 10
    /// How many more open descriptors the second half's median may have and still count as flat.
    static let descriptorGrowth = 4

    let first: Half?
    let second: Half?

    /// `samples` of a run `seconds` long.
    init(samples: [Sample], seconds: Double) {
        let settled = samples.filter { $0.sinceStart >= Self.settledAfter }
        first = Self.half(settled.filter { $0.at < seconds / 2 })
        second = Self.half(settled.filter { $0.at >= seconds / 2 })
    }

    /// The second half's median RSS over the first's, less one (0.05 is 5% more); nil without both halves.
    var memoryChange: Double? {
        guard let first, let second, first.medianKilobytes > 0 else { return nil }
        return Double(second.medianKilobytes) / Double(first.medianKilobytes) - 1
    }

    /// The second half's median descriptor count less the first's; nil without both halves.
    var descriptorChange: Int? {
        guard let first, let second else { return nil }
        return second.medianDescriptors - first.medianDescriptors
    }

    /// False also when a half has no settled sample: then nothing was shown.
    var memoryFlat: Bool {
        guard let first, let second else { return false }
        return second.medianKilobytes * 100 <= first.medianKilobytes * (100 + Self.memoryGrowthPercent)
    }
    var descriptorsFlat: Bool { descriptorChange.map { $0 <= Self.descriptorGrowth } ?? false }

    private static func half(_ samples: [Sample]) -> Half? {
        guard !samples.isEmpty else { return nil }
        let kilobytes = samples.map(\.residentKilobytes).sorted()
        let descriptors = samples.map(\.descriptors).sorted()
        return Half(count: samples.count, medianKilobytes: kilobytes[kilobytes.count / 2], maxKilobytes: kilobytes.last ?? 0,
                    medianDescriptors: descriptors[descriptors.count / 2], maxDescriptors: descriptors.last ?? 0)
    }
}
