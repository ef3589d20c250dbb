/// A binary min-heap of connection deadlines, so the loop sleeps exactly until the nearest one.
///
/// Entries are not removed when a deadline moves; the loop re-checks a connection when its
/// entry comes due, so each request costs no heap work at all.
struct DeadlineHeap {
    struct Entry {
        let deadline: UInt64
        let connectionID: UInt64
    }

    private var entries: [Entry] = []

    var first: Entry? { entries.first }

    mutating func push(_ deadline: UInt64, _ connectionID: UInt64) {
        entries.append(Entry(deadline: deadline, connectionID: connectionID))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            if entries[parent].deadline <= entries[child].deadline { break }
            entries.swapAt(parent, child)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> Entry? {
        guard !entries.isEmpty else { return nil }
        let top = entries[0]
        let last = entries.removeLast()
        guard !entries.isEmpty else { return top }
        entries[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < entries.count else { break }
            let right = left + 1
            let smaller = right < entries.count && entries[right].deadline < entries[left].deadline ? right : left
            if entries[parent].deadline <= entries[smaller].deadline { break }
            entries.swapAt(parent, smaller)
            parent = smaller
        }
        return top
    }
}
