import Foundation

/// Read-only connections for concurrent readers: one per caller at a time, opened lazily, bounded.
final class ReaderPool: @unchecked Sendable {
    private let path: String
    private let limit: Int
    private let health: StoreHealth
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var idle: [Connection] = []
    private var opened = 0
    private var isClosed = false

    /// Reports storage faults readers meet (a damaged page, an I/O error) to `health`.
    init(path: String, limit: Int, health: StoreHealth) {
        self.path = path
        self.limit = limit
        self.health = health
    }

    /// Runs `body` with a connection of its own, inside one read transaction so every query it
    /// makes sees the same committed state.
    func withReader<T>(_ body: (Connection) throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            let connection = try checkOut()
            defer { checkIn(connection) }
            try connection.cached("BEGIN").run()
            defer {
                connection.resetActiveStatements()
                try? connection.cached("COMMIT").run()
            }
            return try body(connection)
        } catch {
            health.failed(error)
            throw error
        }
    }

    /// Closes idle connections now and busy ones as they come back; later readers get `.closed`.
    func close() {
        condition.lock()
        isClosed = true
        let closing = idle
        idle.removeAll()
        opened -= closing.count
        condition.broadcast()
        condition.unlock()
        for connection in closing { connection.close() }
    }

    private func checkOut() throws(StoreError) -> Connection {
        condition.lock()
        while true {
            if isClosed {
                condition.unlock()
                throw .closed
            }
            if let connection = idle.popLast() {
                condition.unlock()
                return connection
            }
            if opened < limit { break }
            condition.wait()
        }
        opened += 1
        condition.unlock()
        do {
            return try Connection.open(path: path, readOnly: true)
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func checkIn(_ connection: Connection) {
        condition.lock()
        guard !isClosed else {
            opened -= 1
            condition.unlock()
            connection.close()
            return
        }
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }
}
