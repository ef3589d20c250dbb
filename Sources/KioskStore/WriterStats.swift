/// What the writer thread has done since the store opened: how well writes share commits.
public struct WriterStats: Sendable, Equatable {
    /// Transactions committed (one fsync each).
    public var commits = 0
    /// Write jobs run, whether they succeeded or were rolled back alone.
    public var jobs = 0
    /// The most jobs one commit has carried.
    public var largestBatch = 0

    public init() {}
}
