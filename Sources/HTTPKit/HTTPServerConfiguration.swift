/// Where the server listens and how patient it is.
public struct HTTPServerConfiguration: Sendable {
    public var host = "0.0.0.0"
    /// 0 asks the kernel for a free port; `HTTPServer.start()` returns the one it got.
    public var port = 8080
    public var limits = HTTPLimits()
    /// Seconds from a request's first byte until its head must be complete (408 after).
    public var headerTimeout: Double = 10
    /// Seconds an open connection may sit with nothing to do before it is closed.
    public var idleTimeout: Double = 30
    /// Open connections past this are answered 503 and closed.
    public var maxConnections = 1024
    /// Event-loop threads, each with its own epoll instance.
    public var eventLoops = 2

    public init(
        host: String = "0.0.0.0", port: Int = 8080, limits: HTTPLimits = HTTPLimits(),
        headerTimeout: Double = 10, idleTimeout: Double = 30, maxConnections: Int = 1024, eventLoops: Int = 2
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.headerTimeout = headerTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.eventLoops = eventLoops
    }
}
