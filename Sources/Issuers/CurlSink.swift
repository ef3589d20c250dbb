import Foundation
import Posix

/// Collects one transfer's answer from libcurl's callbacks (all on the calling thread).
final class CurlSink {
    private(set) var body = Data()
    /// Header fields with lower-cased names, from the last response head (after any `100 Continue`).
    private(set) var headers: [String: String] = [:]
    private(set) var wasAbandoned = false
    private let abandoned: Locked<Bool>
    private let limit: Int

    init(abandoned: Locked<Bool>, limit: Int) {
        self.abandoned = abandoned
        self.limit = limit
    }

    /// Bytes of the body; returning fewer than given stops the transfer.
    func body(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard let data, body.count + count <= limit else { return 0 }
        body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: count)
        return count
    }

    /// One header line, the status line included.
    func header(_ data: UnsafeMutablePointer<CChar>?, _ count: Int) -> Int {
        guard let data else { return 0 }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return count
    }

    var shouldStop: Bool {
        if abandoned.withLock({ $0 }) { wasAbandoned = true }
        return wasAbandoned
    }
}
