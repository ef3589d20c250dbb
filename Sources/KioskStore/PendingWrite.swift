/// One queued write: the work, its completion, and the result held until the batch commits.
///
/// Only the writer thread touches it once queued, then the answers queue once it has committed,
/// hence unchecked Sendable.
final class PendingWrite<T: Sendable>: WriteJob, @unchecked Sendable {
    private let work: @Sendable (Connection) throws -> T
    private let completion: @Sendable (Result<T, StoreError>) -> Void
    private var result: Result<T, StoreError> = .failure(.closed)

    init(work: @escaping @Sendable (Connection) throws -> T,
         completion: @escaping @Sendable (Result<T, StoreError>) -> Void) {
        self.work = work
        self.completion = completion
    }

    func perform(on connection: Connection) -> StoreError? {
        do {
            result = .success(try work(connection))
            return nil
        } catch {
            let failure = StoreError.from(error)
            result = .failure(failure)
            return failure
        }
    }

    func fail(_ error: StoreError) {
        result = .failure(error)
    }

    func complete() {
        completion(result)
    }
}
