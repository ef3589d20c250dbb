import Dispatch
import Foundation
import HTTPKit
import Posix
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Blocking request/response to the issuer: https through the process's one URLSession, plain http
/// (allowed only to this machine: the simulator) through HTTPKit's client.
///
/// FoundationNetworking leaks (and can crash) when sessions come and go, so there is exactly one,
/// made on first use and kept for the life of the process. On loopback HTTPKit's client is used
/// instead: FoundationNetworking does not end a task whose connection the server drops (it waits
/// for the deadline below), which would make the simulator's `reset` drills crawl.
public final class IssuerHTTP: @unchecked Sendable {
    /// The only instance.
    public static let shared = IssuerHTTP()

    /// Idle keep-alive connections for plain http, by `host:port`.
    let idle = Locked<[String: [HTTPClient]]>([:])

    private init() {}

    /// Made on the first https request (a static is initialised once, thread-safely), so a kiosk
    /// that only talks to the simulator never loads libcurl's TLS stack into memory.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        // Enough for the forwarder's pool plus a catalogue sync or look-up alongside.
        configuration.httpMaximumConnectionsPerHost = 16
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }()

    /// Sends `request` to `baseURL` and waits for the whole answer, at most about `timeout` seconds
    /// without progress.
    public func exchange(_ request: IssuerRequest, baseURL: String, timeout: Double) -> Result<IssuerReply, TransportFailure> {
        if baseURL.lowercased().hasPrefix("http://") { return plainExchange(request, baseURL: baseURL, timeout: timeout) }
        guard let url = URL(string: baseURL + request.path) else {
            return .failure(.notSent("the issuer address \(baseURL) is not usable"))
        }
        var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let done = DispatchSemaphore(value: 0)
        let answer = Locked<Result<IssuerReply, TransportFailure>?>(nil)
        let task = Self.session.dataTask(with: urlRequest) { data, response, error in
            answer.withLock { $0 = Self.result(data: data, response: response, error: error) }
            done.signal()
        }
        task.resume()
        // FoundationNetworking's own timer does not always end a task whose connection the server
        // dropped mid-way; this deadline makes sure a worker is never stuck on one request.
        if done.wait(timeout: .now() + timeout + Self.grace) == .timedOut {
            task.cancel()
            return .failure(.lost("the issuer did not answer in time"))
        }
        return answer.withLock { $0 } ?? .failure(.lost("the request ended without an answer"))
    }

    /// Seconds past the request timeout before the task is cancelled outright.
    private static let grace: Double = 1

    private static func result(data: Data?, response: URLResponse?, error: (any Error)?) -> Result<IssuerReply, TransportFailure> {
        if let error {
            return .failure(failure(error))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(.lost("the issuer's answer was not HTTP"))
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        return .success(IssuerReply(status: http.statusCode, headers: headers, body: data ?? Data()))
    }

    /// Sorts a URLSession error by whether the request could have reached the issuer.
    private static func failure(_ error: any Error) -> TransportFailure {
        let code = (error as? URLError)?.code
        switch code {
        case .cannotConnectToHost?, .cannotFindHost?, .dnsLookupFailed?, .notConnectedToInternet?,
             .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?,
             .serverCertificateNotYetValid?, .serverCertificateHasUnknownRoot?, .clientCertificateRejected?,
             .cannotLoadFromNetwork?, .internationalRoamingOff?, .dataNotAllowed?, .unsupportedURL?, .badURL?:
            return .notSent("the issuer could not be reached (\(describe(code)))")
        case .timedOut?:
            return .lost("the issuer did not answer in time")
        case .networkConnectionLost?:
            return .lost("the connection to the issuer dropped before it answered")
        default:
            return .lost("the request to the issuer failed (\(describe(code)))")
        }
    }

    private static func describe(_ code: URLError.Code?) -> String {
        guard let code else { return "no details" }
        switch code {
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "unknown host"
        case .notConnectedToInternet: return "no network"
        case .secureConnectionFailed: return "TLS failed"
        case .timedOut: return "timed out"
        case .networkConnectionLost: return "connection lost"
        case .badServerResponse, .zeroByteResource: return "empty or bad answer"
        default: return "URL error \(code.rawValue)"
        }
    }
}
