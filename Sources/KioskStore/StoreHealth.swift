import Posix
import KioskCore

/// Whether the store can use its disk: the writer and readers report what they meet here.
///
/// A fault is kept from the first storage error until a transaction that changed rows commits,
/// since only that proves the disk took a write (a commit that changed nothing writes nothing).
/// Damage is kept until the store is closed: it does not mend itself.
final class StoreHealth: Sendable {
    private let fault = Locked<StorageFault?>(nil)

    var current: StorageFault? {
        fault.withLock { $0 }
    }

    /// Records `error` if it is a storage fault; an existing fault keeps its start, unless this is damage.
    func failed(_ error: StoreError) {
        guard let kind = StorageFault.kind(of: error) else { return }
        fault.withLock { current in
            if current == nil || (kind == .damaged && current?.kind != .damaged) {
                current = StorageFault(kind: kind, error: error, since: .now())
            }
        }
    }

    /// A transaction that changed rows has committed: the disk is writing again.
    func wrote() {
        fault.withLock { current in
            if current?.kind != .damaged { current = nil }
        }
    }
}
