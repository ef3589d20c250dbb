@preconcurrency import Glibc
import CLinux
import Posix

/// Writing output, closing, and the lingering close that keeps a last response from being reset.
extension EventLoop {
    /// Sends as much pending output as the socket takes; waits for EPOLLOUT for the rest.
    func flush(_ connection: Connection) {
        if connection.closed { return }
        while connection.hasPendingOutput {
            let offset = connection.outOffset
            let result = connection.out.withUnsafeBytes { bytes in
                Result { () throws(SystemError) in
                    try retryingEINTR("send") {
                        send(connection.fd, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                    }
                }
            }
            let sent: Int
            switch result {
            case .success(let count):
                sent = count
            case .failure(let error):
                if error.wouldBlock {
                    setWantsWrite(connection, true)
                } else {
                    close(connection)
                }
                return
            }
            connection.outOffset += sent
            connection.lastWrite = now
            if connection.hasPendingOutput {
                setWantsWrite(connection, true)
                return
            }
        }
        if connection.outOffset > 0 {
            if connection.out.capacity > 65536 {
                connection.out = []
            } else {
                connection.out.removeAll(keepingCapacity: true)
            }
            connection.outOffset = 0
        }
        setWantsWrite(connection, false)
        if connection.closeAfterWrite && !connection.inFlight && !connection.lingering {
            if connection.peerClosed {
                close(connection)
            } else {
                linger(connection)
            }
        }
    }

    /// Half-closes and reads until the client closes too (or briefly times out): closing with
    /// unread input would make the kernel send RST, which can destroy the response in flight.
    private func linger(_ connection: Connection) {
        _ = try? retryingEINTR("shutdown") { shutdown(connection.fd, Int32(SHUT_WR)) }
        connection.lingering = true
        // It is done serving, so it no longer takes one of the maxConnections places.
        releaseSlot(connection)
        connection.lingerUntil = now + min(Self.lingerTime, max(shared.idleTimeout, 1))
        if !connection.reading {
            connection.reading = true
            updateInterest(connection)
        }
    }

    func close(_ connection: Connection) {
        guard !connection.closed else { return }
        connection.closed = true
        FileDescriptor.close(connection.fd)
        connections[Int(connection.fd)] = nil
        openCount -= 1
        if connection.counted {
            releaseSlot(connection)
        } else {
            rejectedOpen -= 1
        }
        if let stream = connection.stream {
            connection.stream = nil
            stream.markClosed()
        }
    }

    private func releaseSlot(_ connection: Connection) {
        if connection.counted && !connection.released {
            connection.released = true
            shared.release(connection.remoteAddress, loop: index)
        }
    }

    private func setWantsWrite(_ connection: Connection, _ wanted: Bool) {
        if connection.wantsWrite != wanted {
            connection.wantsWrite = wanted
            updateInterest(connection)
        }
    }

    func updateInterest(_ connection: Connection) {
        let wanted = (connection.reading ? CLinux_EPOLLIN : 0) | (connection.wantsWrite ? CLinux_EPOLLOUT : 0)
        guard wanted != connection.interest else { return }
        var event = epoll_event()
        event.events = wanted
        event.data.u64 = connection.id
        do {
            try retryingEINTR("epoll_ctl(MOD)") { epoll_ctl(epollFD, EPOLL_CTL_MOD, connection.fd, &event) }
            connection.interest = wanted
        } catch {
            close(connection)
        }
    }
}
