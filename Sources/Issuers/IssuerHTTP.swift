import Foundation
import HTTPKit
import Posix

/// Blocking request/response to the issuer: https through libcurl, one fresh connection per request
/// (`CurlTransfer` says why), plain http (allowed only to this machine: the simulator) through
/// HTTPKit's client, which never re-sends a request either.
///
/// Neither transport sends a request twice on its own: a request that may have reached the issuer
/// and got no answer comes back as `TransportFailure.lost`, and the forwarder looks the award up
/// before it decides to send it again.
public final class IssuerHTTP: @unchecked Sendable {
    /// Idle keep-alive connections for plain http, by `host:port`.
    let idle = Locked<[String: [HTTPClient]]>([:])
    /// Set when the service stops: https transfers still running end at their next progress check.
    let abandoned = Locked(false)
    /// Extra certificate authorities to trust for https (a PEM file), or nil for the system's.
    let caFile: String?

    public init(caFile: String? = nil) {
        self.caFile = caFile
    }

    /// Sends `request` to `baseURL` and waits for the whole answer, at most about `timeout` seconds
    /// without progress.
    public func exchange(_ request: IssuerRequest, baseURL: String, timeout: Double) -> Result<IssuerReply, TransportFailure> {
        if abandoned.withLock({ $0 }) { return .failure(.notSent("the service is stopping")) }
        if baseURL.lowercased().hasPrefix("http://") { return plainExchange(request, baseURL: baseURL, timeout: timeout) }
        guard URL(string: baseURL + request.path) != nil else {
            return .failure(.notSent("the issuer address \(baseURL) is not usable"))
        }
        return CurlTransfer(url: baseURL + request.path, request: request, timeout: timeout, caFile: caFile,
                            abandoned: abandoned).perform()
    }

    /// Ends https requests in flight and refuses new ones: for a shutdown that must not wait for a
    /// hung issuer. Whatever was in flight is looked up at the issuer after the next start.
    public func abandonInFlight() {
        abandoned.withLock { $0 = true }
    }
}
