import Foundation
import KioskCore
import Posix

/// Blocking request/response to the issuer: https through libcurl, plain http (allowed only to this
/// machine: the simulator) through HTTPKit's client; each request on a fresh connection of its own
/// (`CurlTransfer` says why).
///
/// Neither transport sends a request twice on its own: a request that may have reached the issuer
/// and got no answer comes back as `TransportFailure.lost`, and the forwarder looks the award up
/// before it decides to send it again.
public final class IssuerHTTP: Sendable {
    /// Set when the service stops: https transfers still running end at their next progress check.
    let abandoned = Locked(false)
    /// Extra certificate authorities to trust for https (a PEM file), or nil for the system's.
    let caFile: String?
    /// Seconds the issuer's clock is ahead of ours (negative: behind), from its latest `Date` header.
    private let clockOffset = Locked<Double?>(nil)

    public init(caFile: String? = nil) {
        self.caFile = caFile
    }

    /// Sends `request` to `baseURL` and waits for the whole answer, at most about `timeout` seconds
    /// without progress.
    public func exchange(_ request: IssuerRequest, baseURL: String, timeout: Double) -> Result<IssuerReply, TransportFailure> {
        if abandoned.withLock({ $0 }) { return .failure(.notSent("the service is stopping")) }
        let result: Result<IssuerReply, TransportFailure>
        if baseURL.lowercased().hasPrefix("http://") {
            result = plainExchange(request, baseURL: baseURL, timeout: timeout)
        } else if URL(string: baseURL + request.path) == nil {
            result = .failure(.notSent("the issuer address \(baseURL) is not usable"))
        } else {
            result = CurlTransfer(url: baseURL + request.path, request: request, timeout: timeout, caFile: caFile,
                                  abandoned: abandoned).perform()
        }
        if case let .success(reply) = result, let time = reply.issuerTime {
            // Taken after the answer arrived and from a time cut to whole seconds, the offset can only
            // err on the early side, which is the safe side for issue times.
            clockOffset.withLock { $0 = Double(time) - Date().timeIntervalSince1970 }
        }
        return result
    }

    /// The issuer's clock now, as far as its answers tell; ours until it has answered with a `Date`.
    public func issuerNow() -> Timestamp {
        Timestamp(Date().addingTimeInterval(clockOffset.withLock { $0 } ?? 0))
    }

    /// Ends https requests in flight and refuses new ones: for a shutdown that must not wait for a
    /// hung issuer. Whatever was in flight is looked up at the issuer after the next start.
    public func abandonInFlight() {
        abandoned.withLock { $0 = true }
    }
}
