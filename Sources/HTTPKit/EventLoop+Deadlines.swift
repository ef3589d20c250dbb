import HTTPCore

/// Timeouts: first byte, head, whole request, idle keep-alive, stalled writes, lingering close.
///
/// A request's deadlines count from its first byte and never move with later bytes, so a client
/// trickling its head or body cannot keep a connection for longer than the request is allowed.
extension EventLoop {
    /// When `connection` should next be looked at; 0 when it waits on the responder.
    private func deadline(of connection: Connection) -> UInt64 {
        if connection.lingering { return connection.lingerUntil }
        if connection.hasPendingOutput { return connection.lastWrite + shared.idleTimeout }
        if connection.inFlight { return 0 }
        if connection.parser.isReadingBody {
            return shared.requestDeadline(from: connection.requestStart, bodyBytes: connection.parser.announcedBodyBytes)
        }
        if !connection.parser.isIdle { return connection.requestStart + shared.headerTimeout }
        // A connection that has not sent a byte yet gets the head's time, not keep-alive's.
        return connection.serial == 0 ? connection.requestStart + shared.headerTimeout : connection.lastActivity + shared.idleTimeout
    }

    /// Makes sure the heap holds an entry no later than the connection's deadline.
    func arm(_ connection: Connection) {
        let due = deadline(of: connection)
        if due != 0 && (connection.armed == 0 || due < connection.armed) {
            heap.push(due, connection.id)
            connection.armed = due
        }
    }

    func fireDeadlines() {
        while let top = heap.first, top.deadline <= now {
            heap.pop()
            guard let connection = connection(top.connectionID), connection.armed == top.deadline else { continue }
            connection.armed = 0
            let due = deadline(of: connection)
            if due == 0 { continue }
            if due > now {
                heap.push(due, connection.id)
                connection.armed = due
                continue
            }
            expire(connection)
        }
    }

    private func expire(_ connection: Connection) {
        if connection.lingering || connection.hasPendingOutput || connection.parser.isIdle {
            close(connection)
            return
        }
        fail(connection, HTTPParseError(status: .requestTimeout, message: "The request did not arrive in time."))
        flush(connection)
        if !connection.closed { arm(connection) }
    }
}
