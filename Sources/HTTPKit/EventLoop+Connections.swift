@preconcurrency import Glibc
import CLinux
import HTTPCore
import Posix

/// Taking on connections, reading requests and handing them to the responder.
extension EventLoop {
    @discardableResult
    func adopt(_ fd: Int32, _ address: String, counted: Bool) -> Connection? {
        generation &+= 1
        let id = UInt64(generation) << 32 | UInt64(UInt32(bitPattern: fd))
        let connection = Connection(fd: fd, id: id, remoteAddress: address, counted: counted, limits: shared.configuration.limits, now: now)
        let index = Int(fd)
        if index >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: max(index + 1 - connections.count, connections.count)))
        }
        connections[index] = connection
        openCount += 1
        if !counted { rejectedOpen += 1 }
        connection.interest = CLinux_EPOLLIN
        do {
            try register(fd, events: CLinux_EPOLLIN, tag: id)
        } catch {
            close(connection)
            return nil
        }
        if draining && counted {
            close(connection)
            return nil
        }
        arm(connection)
        return connection
    }

    func readable(_ connection: Connection) {
        let count: Int
        do {
            count = try retryingEINTR("read") { read(connection.fd, readBuffer.baseAddress, readBuffer.count) }
        } catch {
            if !error.wouldBlock { close(connection) }
            return
        }
        if count == 0 {
            peerClosed(connection)
            return
        }
        connection.lastActivity = now
        if connection.lingering || connection.closeAfterWrite { return }
        if connection.parser.isIdle && !connection.inFlight { connection.requestStart = now }
        connection.parser.feed(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
        advance(connection)
    }

    private func peerClosed(_ connection: Connection) {
        connection.peerClosed = true
        if connection.stream != nil || connection.lingering || (!connection.inFlight && !connection.hasPendingOutput) && connection.parser.isIdle {
            close(connection)
            return
        }
        connection.reading = false
        updateInterest(connection)
        advance(connection)
    }

    /// Dispatches buffered requests one at a time, answering each before parsing the next, then writes.
    func advance(_ connection: Connection) {
        if connection.closed { return }
        connection.advancing = true
        while !connection.inFlight && !connection.closeAfterWrite && connection.pendingOutput < Self.outputHighWater {
            let request: HTTPRequest?
            do throws(HTTPParseError) {
                request = try connection.parser.next()
            } catch {
                fail(connection, error)
                break
            }
            guard let request else {
                if connection.parser.needsContinue && !connection.continueSent {
                    connection.continueSent = true
                    connection.out.append(contentsOf: "HTTP/1.1 100 Continue\r\n\r\n".utf8)
                }
                break
            }
            connection.continueSent = false
            dispatch(request, on: connection)
        }
        connection.advancing = false
        if !connection.inFlight && !connection.closeAfterWrite
            && (connection.peerClosed || (draining && connection.parser.isIdle)) {
            connection.closeAfterWrite = true
        }
        updateReading(connection)
        flush(connection)
        if !connection.closed { arm(connection) }
    }

    private func dispatch(_ request: HTTPRequest, on connection: Connection) {
        var request = request
        request.remoteAddress = connection.remoteAddress
        request.receivedAt = connection.requestStart
        connection.serial &+= 1
        request.numberOnConnection = connection.serial
        connection.inFlight = true
        let context = RequestContext(
            connectionID: connection.id, serial: connection.serial,
            method: request.method, path: request.path, remoteAddress: connection.remoteAddress,
            receivedAt: connection.requestStart, version: request.version,
            isHead: request.method == "HEAD", keepAlive: request.wantsKeepAlive && !draining)
        shared.responder.respond(to: request, writer: EventLoopWriter(loop: self, context: context))
    }

    /// Queues an error answer for a request that cannot be served, and closes after it.
    func fail(_ connection: Connection, _ error: HTTPParseError) {
        let context = RequestContext(
            connectionID: connection.id, serial: connection.serial, method: "-", path: "-",
            remoteAddress: connection.remoteAddress, receivedAt: connection.requestStart,
            version: .http1_1, isHead: false, keepAlive: false)
        shared.report(context, status: error.status.code, at: MonotonicClock.nanoseconds())
        error.response.write(into: &connection.out, isHead: false, close: true, keepAliveHeader: false)
        connection.closeAfterWrite = true
    }

    /// Stops reading while a request is in flight and the client has already sent a lot more,
    /// so a pipelining client cannot make the buffer grow without bound.
    private func updateReading(_ connection: Connection) {
        let limits = shared.configuration.limits
        let cap = limits.maxRequestLine + limits.maxHeaderBytes + limits.maxBodyBytes + 65536
        let busy = connection.inFlight || connection.pendingOutput >= Self.outputHighWater
        let wanted = !connection.peerClosed && !(busy && connection.parser.bufferedCount > cap)
        if wanted != connection.reading {
            connection.reading = wanted
            updateInterest(connection)
        }
    }
}
