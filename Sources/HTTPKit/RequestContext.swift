import HTTPCore

/// What the loop needs to finish one request: where the answer goes, how to frame it, what to log.
struct RequestContext: Sendable {
    let connectionID: UInt64
    /// Which request on the connection this is, so a stale or repeated answer is recognised.
    let serial: UInt64
    let method: String
    let path: String
    let remoteAddress: String
    let receivedAt: UInt64
    let version: HTTPVersion
    let isHead: Bool
    let keepAlive: Bool
}
