@preconcurrency import Glibc
import CLinux
import HTTPCore
import Posix

/// Accepting connections: who gets a place, who is told 503, who sheds a connection to make room,
/// and what happens when the process runs out of descriptors.
extension EventLoop {
    static let serverFull = HTTPParseError(
        status: .serviceUnavailable, message: "The server has too many open connections; try again shortly.")
    static let addressFull = HTTPParseError(
        status: .serviceUnavailable, message: "Too many connections from your address; close some and try again.")
    static let shedToMakeRoom = HTTPParseError(
        status: .serviceUnavailable, message: "This connection was closed to make room for others; try again shortly.")

    func acceptConnections() {
        for _ in 0..<64 where listener >= 0 {
            let accepted: (fd: Int32, address: String)
            do {
                accepted = try Socket.accept(listener)
            } catch {
                if error.code == ECONNABORTED || error.code == EPROTO { continue }
                if (error.code == EMFILE || error.code == ENFILE) && answerWithSpare() { continue }
                if !error.wouldBlock { pauseAccepting() }
                return
            }
            let turn = nextPeer % (others.count + 1)
            switch shared.admit(accepted.address, loop: turn) {
            case .admit:
                place(accepted, on: turn)
            case .admitShedding(let address, let loop):
                place(accepted, on: turn)
                if loop == 0 { shed(address) } else { others[loop - 1].post(.shed(address)) }
            case .addressFull:
                reject(accepted.fd, accepted.address, Self.addressFull)
            case .serverFull:
                reject(accepted.fd, accepted.address, Self.serverFull)
            }
        }
    }

    /// Deals an admitted connection to loop `turn`: 0 is this loop, the others follow in order.
    private func place(_ accepted: (fd: Int32, address: String), on turn: Int) {
        nextPeer &+= 1
        Socket.setNoDelay(accepted.fd)
        if turn == 0 {
            adopt(accepted.fd, accepted.address, counted: true)
        } else {
            others[turn - 1].post(.adopt(accepted.fd, accepted.address))
        }
    }

    /// Answers 503 to a connection that gets no place, without counting it. It lingers to read the
    /// request, so closing cannot reset the answer; once too many do, the next is answered and closed at once.
    private func reject(_ fd: Int32, _ address: String, _ error: HTTPParseError) {
        guard rejectedOpen < Self.maxRejectedOpen else {
            answerAndClose(fd, address, error)
            return
        }
        guard let connection = adopt(fd, address, counted: false) else { return }
        fail(connection, error)
        flush(connection)
        if !connection.closed { arm(connection) }
    }

    /// Tells a client `error` and closes, holding nothing. What the client has sent so far is read
    /// first, so the close is a plain end of stream rather than a reset that could destroy the answer.
    private func answerAndClose(_ fd: Int32, _ address: String, _ error: HTTPParseError) {
        _ = try? retryingEINTR("read") { read(fd, readBuffer.baseAddress, readBuffer.count) }
        var answer: [UInt8] = []
        error.response.write(into: &answer, isHead: false, close: true, keepAliveHeader: false)
        _ = answer.withUnsafeBytes { bytes in
            try? retryingEINTR("send") { send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
        }
        FileDescriptor.close(fd)
        shared.log(HTTPLogEntry(method: "-", path: "-", status: error.status.code, durationMs: 0, remoteAddress: address))
    }

    /// Pays back a place lent to a newcomer: closes one of `address`'s connections that no answer is
    /// owed on, the longest idle if there is one, else the request that has been arriving longest (told 503).
    func shed(_ address: String) {
        var idle: Connection?
        var partial: Connection?
        for case let connection? in connections
        where connection.counted && !connection.released && !connection.inFlight && !connection.closeAfterWrite
            && !connection.hasPendingOutput && connection.remoteAddress == address {
            // Bytes waiting unread mean a request has begun: it is told 503, never closed as idle.
            if connection.parser.isIdle && !Self.hasUnreadInput(connection.fd) {
                if idle.map({ connection.lastActivity < $0.lastActivity }) ?? true { idle = connection }
            } else if partial.map({ connection.requestStart < $0.requestStart }) ?? true {
                partial = connection
            }
        }
        if let idle {
            close(idle)
        } else if let partial {
            fail(partial, Self.shedToMakeRoom)
            flush(partial)
            if !partial.closed { arm(partial) }
        }
    }

    /// Whether the peer has sent bytes this loop has not read yet (they may have arrived in the same
    /// round as the connection that asks for room).
    private static func hasUnreadInput(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        if case .success(let count) = systemCall("recv(MSG_PEEK)", { recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) }) {
            return count > 0
        }
        return false
    }

    // MARK: Out of descriptors

    /// A descriptor held in reserve, given up for a moment when the process runs out.
    static func openSpare() -> Int32 {
        (try? retryingEINTR("open(/dev/null)") { open("/dev/null", O_RDONLY | O_CLOEXEC) }) ?? -1
    }

    /// Out of descriptors: gives up the spare for a moment to accept one waiting client and tell it
    /// 503, rather than leave it hanging until its own timeout. False when there was none to answer.
    private func answerWithSpare() -> Bool {
        guard spareFD >= 0 else { return false }
        FileDescriptor.close(spareFD)
        spareFD = -1
        // Taken back once the answered client's descriptor is closed again.
        defer { spareFD = Self.openSpare() }
        guard let accepted = try? Socket.accept(listener) else { return false }
        answerAndClose(accepted.fd, accepted.address, Self.serverFull)
        return true
    }

    /// Out of descriptors with no spare, or of memory: the listener stays readable, so
    /// level-triggered epoll would spin; stop watching it for a moment instead.
    private func pauseAccepting() {
        var event = epoll_event()
        event.data.u64 = Self.listenerTag
        _ = try? retryingEINTR("epoll_ctl(MOD)") { epoll_ctl(epollFD, EPOLL_CTL_MOD, listener, &event) }
        acceptPausedUntil = now + 100_000_000
    }

    func resumeAcceptingIfDue() {
        guard acceptPausedUntil != 0, now >= acceptPausedUntil, listener >= 0 else { return }
        acceptPausedUntil = 0
        if spareFD < 0 { spareFD = Self.openSpare() }
        var event = epoll_event()
        event.events = CLinux_EPOLLIN
        event.data.u64 = Self.listenerTag
        _ = try? retryingEINTR("epoll_ctl(MOD)") { epoll_ctl(epollFD, EPOLL_CTL_MOD, listener, &event) }
    }
}
