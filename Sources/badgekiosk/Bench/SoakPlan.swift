import IssuerSimulator

/// When a soak kills the service and when it fills the disk, drawn from a seed so that a run's
/// moments can be repeated.
struct SoakPlan {
    /// How long each life of the service lasts before its `kill -9`, in seconds.
    static let lifetimes: ClosedRange<Double> = 10...30
    /// Where in the run the disk fills up, as a share of its length: in the middle, so both halves
    /// have kills before and after it.
    static let fillShare: ClosedRange<Double> = 0.4...0.6

    /// Seconds into the run when the disk fills up; nil when the run has no full-disk moment.
    let fillAt: Double?
    private var generator: SeededGenerator

    init(seconds: Double, seed: UInt64, fillsDisk: Bool) {
        generator = SeededGenerator(seed: seed)
        fillAt = fillsDisk ? seconds * Double.random(in: Self.fillShare, using: &generator) : nil
    }

    /// How long the service started now lives before it is killed.
    mutating func nextLifetime() -> Double {
        Double.random(in: Self.lifetimes, using: &generator)
    }
}
