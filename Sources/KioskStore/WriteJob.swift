/// A write job as the writer thread sees it, whatever its result type.
protocol WriteJob: AnyObject, Sendable {
    /// Runs the job's work; nil when it succeeded and its changes should be kept, else what it failed with.
    func perform(on connection: Connection) -> StoreError?
    /// Replaces the job's result with `error`: its changes were not committed.
    func fail(_ error: StoreError)
    /// Hands the job's result to its completion; called only once the batch's fate is known.
    func complete()
}
