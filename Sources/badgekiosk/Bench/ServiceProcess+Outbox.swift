import Foundation
import HTTPCore
import HTTPKit
import KioskAPI
import KioskService

extension ServiceProcess {
    /// Asks the service's outbox view until nothing is queued or being sent (a benchmark may poll);
    /// false when `limit` passes first.
    func awaitOutboxEmpty(until limit: Date = .distantFuture) throws -> Bool {
        let client = try HTTPClient(host: "127.0.0.1", port: port)
        defer { client.close() }
        let headers = HTTPHeaders([("Authorization", "Bearer \(try staffToken())")])
        while Date() < limit {
            let reply = try client.send(method: "GET", path: "/api/v1/outbox", headers: headers)
            if reply.status == 200 {
                let counts = try BenchCommand.reply(OutboxStatusReply.self, from: reply, status: 200, doing: "read the outbox").counts
                if counts.queued == 0, counts.sending == 0 { return true }
            }
            guard process.isRunning else { throw RuntimeError("the service stopped: \(log.suffix(300))") }
            usleep(20_000)
        }
        return false
    }
}
