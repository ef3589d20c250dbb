import CCurl
import Foundation
import Posix

/// One https request to the issuer through libcurl, on a connection of its own.
///
/// libcurl quietly sends a request again when a reused keep-alive connection turns out dead before
/// any answer byte (its "retrying a fresh connect"), POSTs included; the issuer may already have made
/// the award the first copy asked for. So every request here opens a fresh connection
/// (`CURLOPT_FRESH_CONNECT`) and closes it afterwards (`CURLOPT_FORBID_REUSE`): with no reused
/// connection there is nothing for libcurl to retry, and whether a badge is sent again is decided by
/// the forwarder alone, after a look-up. An issuer gets a few requests per claim, so the extra TLS
/// handshake costs nothing anyone notices. HTTP/1.1 only, for the same reason: HTTP/2 streams
/// share connections.
struct CurlTransfer {
    /// Answers larger than this are cut off: no issuer answer the kiosk reads comes near it.
    static let maxBody = 8 << 20

    let url: String
    let request: IssuerRequest
    /// Seconds without progress before the request counts as timed out.
    let timeout: Double
    /// A PEM file of extra certificate authorities to trust instead of the system's (a test CA, a
    /// venue's TLS-inspecting proxy); nil for the system's.
    let caFile: String?
    /// Checked while the transfer runs: set, it stops at once (the service is shutting down).
    let abandoned: Locked<Bool>

    /// libcurl's global set-up, done once before the first handle (it is not safe to race).
    private static let initialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    func perform() -> Result<IssuerReply, TransportFailure> {
        guard Self.initialised, let handle = curl_easy_init() else {
            return .failure(.notSent("the https library could not start"))
        }
        defer { curl_easy_cleanup(handle) }
        let sink = CurlSink(abandoned: abandoned, limit: Self.maxBody)
        var headers: UnsafeMutablePointer<curl_slist>?
        // Without an empty `Expect:` libcurl waits for `100 Continue` before larger bodies.
        for line in request.headers.map({ "\($0.0): \($0.1)" }) + ["Expect:"] {
            headers = curl_slist_append(headers, line)
        }
        defer { curl_slist_free_all(headers) }
        let body = request.body ?? Data()
        let code: CURLcode = body.withUnsafeBytes { bytes in
            let context = Unmanaged.passUnretained(sink).toOpaque()
            configure(handle, headers: headers, context: context)
            if request.method == "GET" {
                badgekiosk_curl_set_long(handle, CURLOPT_HTTPGET, 1)
            } else {
                badgekiosk_curl_set_pointer(handle, CURLOPT_CUSTOMREQUEST, request.method)
                badgekiosk_curl_set_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count))
                // A non-null pointer even for an empty body, or libcurl would read the body from stdin.
                badgekiosk_curl_set_pointer(handle, CURLOPT_POSTFIELDS, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1))
            }
            return curl_easy_perform(handle)
        }
        var pretransfer: curl_off_t = 0
        badgekiosk_curl_get_offset(handle, CURLINFO_PRETRANSFER_TIME_T, &pretransfer)
        if code == CURLE_OK {
            var status = 0
            badgekiosk_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
            return .success(IssuerReply(status: status, headers: sink.headers, body: sink.body))
        }
        return .failure(Self.failure(code, requestStarted: pretransfer > 0, abandoned: sink.wasAbandoned))
    }

    private func configure(_ handle: UnsafeMutableRawPointer, headers: UnsafeMutablePointer<curl_slist>?,
                           context: UnsafeMutableRawPointer) {
        badgekiosk_curl_set_pointer(handle, CURLOPT_URL, url)
        badgekiosk_curl_set_pointer(handle, CURLOPT_HTTPHEADER, headers)
        badgekiosk_curl_set_pointer(handle, CURLOPT_USERAGENT, "badgekiosk")
        badgekiosk_curl_set_long(handle, CURLOPT_FRESH_CONNECT, 1)
        badgekiosk_curl_set_long(handle, CURLOPT_FORBID_REUSE, 1)
        badgekiosk_curl_set_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        badgekiosk_curl_set_long(handle, CURLOPT_PROTOCOLS, Int(CURLPROTO_HTTPS | CURLPROTO_HTTP))
        badgekiosk_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        // Signals must not be used for timeouts in a threaded process.
        badgekiosk_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
        let seconds = max(1, Int(timeout.rounded(.up)))
        badgekiosk_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, seconds)
        badgekiosk_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
        badgekiosk_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, seconds)
        // However slowly an answer trickles in, a worker is never held longer than this.
        badgekiosk_curl_set_long(handle, CURLOPT_TIMEOUT, seconds * 3)
        if let caFile { badgekiosk_curl_set_pointer(handle, CURLOPT_CAINFO, caFile) }
        badgekiosk_curl_set_data_callback(handle, CURLOPT_WRITEFUNCTION, { data, size, count, context in
            Unmanaged<CurlSink>.fromOpaque(context!).takeUnretainedValue().body(data, size * count)
        })
        badgekiosk_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
        badgekiosk_curl_set_data_callback(handle, CURLOPT_HEADERFUNCTION, { data, size, count, context in
            Unmanaged<CurlSink>.fromOpaque(context!).takeUnretainedValue().header(data, size * count)
        })
        badgekiosk_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
        badgekiosk_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
        badgekiosk_curl_set_progress_callback(handle, { context, _, _, _, _ in
            Unmanaged<CurlSink>.fromOpaque(context!).takeUnretainedValue().shouldStop ? 1 : 0
        })
        badgekiosk_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context)
    }

    /// Sorts a failed transfer by whether the request could have reached the issuer: only once the
    /// connection (and TLS) was up can any of it have been sent.
    static func failure(_ code: CURLcode, requestStarted: Bool, abandoned: Bool) -> TransportFailure {
        let reason = String(cString: curl_easy_strerror(code))
        if !requestStarted {
            return .notSent("the issuer could not be reached (\(reason))")
        }
        if abandoned { return .lost("the request was abandoned as the service stopped") }
        if code == CURLE_OPERATION_TIMEDOUT { return .lost("the issuer did not answer in time") }
        return .lost("the connection to the issuer dropped before it answered (\(reason))")
    }
}
