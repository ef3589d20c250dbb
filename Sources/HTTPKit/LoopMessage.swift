import HTTPCore

/// Work handed to an event loop, from its own thread or from any other.
enum LoopMessage: Sendable {
    case response(RequestContext, HTTPResponse)
    /// Close the request's connection without answering it.
    case abort(RequestContext)
    case streamHead(RequestContext, HTTPResponse, EventLoopStream)
    case streamData(EventLoopStream, [UInt8])
    case streamEnd(EventLoopStream)
    /// An accepted socket for this loop to own, with the peer's address.
    case adopt(Int32, String)
    /// Close one of this address's connections, to pay back a place lent to a newcomer.
    case shed(String)
    /// Stop accepting and drain until the monotonic deadline.
    case shutdown(UInt64)
}
