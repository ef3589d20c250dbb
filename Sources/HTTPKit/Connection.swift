import HTTPCore

/// One accepted socket and its request/response state; touched only by its event loop's thread.
final class Connection {
    let fd: Int32
    /// fd in the low 32 bits and a per-loop generation above, so events and answers meant for an
    /// earlier connection on a reused descriptor are recognised and dropped.
    let id: UInt64
    let remoteAddress: String
    /// False for connections accepted past the limit only to be told 503.
    let counted: Bool
    /// Its maxConnections place has been given back (once lingering or closed).
    var released = false
    var parser: HTTPRequestParser

    var out: [UInt8] = []
    var outOffset = 0
    var interest: UInt32 = 0
    var reading = true
    var wantsWrite = false

    var inFlight = false
    var serial: UInt64 = 0
    var stream: EventLoopStream?
    var streamChunked = false
    var streamHead = false
    var continueSent = false

    var closeAfterWrite = false
    var lingering = false
    var lingerUntil: UInt64 = 0
    var peerClosed = false
    var closed = false

    var advancing = false
    var isDirty = false

    var requestStart: UInt64
    var lastActivity: UInt64
    var lastWrite: UInt64
    /// The deadline this connection has an entry for in the heap; 0 for none.
    var armed: UInt64 = 0

    init(fd: Int32, id: UInt64, remoteAddress: String, counted: Bool, limits: HTTPLimits, now: UInt64) {
        self.fd = fd
        self.id = id
        self.remoteAddress = remoteAddress
        self.counted = counted
        parser = HTTPRequestParser(limits: limits)
        requestStart = now
        lastActivity = now
        lastWrite = now
    }

    var hasPendingOutput: Bool { outOffset < out.count }
    var pendingOutput: Int { out.count - outOffset }
}
