import HTTPCore

/// Where the server listens and how patient it is.
public struct HTTPServerConfiguration: Sendable {
    public var host = "0.0.0.0"
    /// 0 asks the kernel for a free port; `HTTPServer.start()` returns the one it got.
    public var port = 8080
    public var limits = HTTPLimits()
    /// Seconds from a request's first byte until its head must be complete (408 after); a new
    /// connection must also send its first byte within this time.
    public var headerTimeout: Double = 10
    /// Bytes per second a request body must arrive at, on average, on top of `headerTimeout`
    /// (408 after), so a body trickled a byte at a time cannot hold a connection.
    public var minimumBodyRate = 2048
    /// Seconds from a request's first byte until the whole request must be in, however large it is.
    public var requestTimeout: Double = 60
    /// Seconds an open connection may sit with nothing to do before it is closed.
    public var idleTimeout: Double = 30
    /// Open connections past this are answered 503 and closed.
    public var maxConnections = 1024
    /// Open connections one client address may hold; past this it is answered 503. A phone needs
    /// a handful; the cap keeps one address from taking the places everyone else needs.
    public var maxConnectionsPerAddress = 32
    /// Event-loop threads, each with its own epoll instance.
    public var eventLoops = 2

    public init(
        host: String = "0.0.0.0", port: Int = 8080, limits: HTTPLimits = HTTPLimits(),
        headerTimeout: Double = 10, minimumBodyRate: Int = 2048, requestTimeout: Double = 60, idleTimeout: Double = 30,
        maxConnections: Int = 1024, maxConnectionsPerAddress: Int = 32, eventLoops: Int = 2
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.headerTimeout = headerTimeout
        self.minimumBodyRate = minimumBodyRate
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.maxConnectionsPerAddress = maxConnectionsPerAddress
        self.eventLoops = eventLoops
    }

    /// Descriptors the server may hold besides one per connection place: connections being told
    /// 503, places lent while an address sheds, the listener and its spare, and two per event loop.
    public var descriptorsBesidesConnections: Int {
        EventLoop.maxRejectedOpen + ConnectionLedger.shedAllowance + 2 + 2 * max(1, eventLoops)
    }

    /// `maxConnections`, lowered if need be so the server cannot run the process out of descriptors:
    /// `openFileLimit` less what the server needs besides and less `reserve`, kept for the rest of
    /// the process (database, log, outgoing connections). Never below 1.
    public func connectionLimit(openFileLimit: Int, reserve: Int) -> Int {
        max(1, min(maxConnections, openFileLimit - reserve - descriptorsBesidesConnections))
    }
}
