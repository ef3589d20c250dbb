import Foundation
import HTTPCore
import HTTPKit
import KioskAPI
import KioskCore
import KioskService
import KioskStore
import Posix

/// `badgekiosk outbox resend|arrived AWARD`: staff settle an unsure award once they have checked the issuer.
extension OutboxCommand {
    /// Asks the running service, so a resent award goes at once and live displays hear of it; with
    /// no service listening, changes the database directly. Returns what to tell the admin.
    static func settle(_ id: Int64, _ choice: KioskStore.UnsureChoice, settings: KioskSettings) throws -> String {
        let done = choice == .resend
            ? "Award \(id) goes to the issuer again now."
            : "Award \(id) now counts as sent (\(KioskStore.confirmedByStaff))."
        if let client = serviceClient(settings) {
            defer { client.connection.close() }
            return try ask(client, id, choice, done: done)
        }
        let store = try LocalStore.open(settings.service)
        defer { store.close() }
        switch try store.settleUnsure(id, choice, at: .now()) {
        case .settled:
            return choice == .resend ? "Award \(id) is queued to go again; the service is not running, so it goes when "
                + "the service starts." : done
        case .notFound:
            throw RuntimeError("there is no award \(id)")
        case .notUnsure(let state):
            throw RuntimeError("award \(id) is not waiting for a check: it is \(state.rawValue)")
        }
    }

    /// A connection to the service and its staff token; nil when either is missing (the service is
    /// not listening, or the token file is not there yet).
    private static func serviceClient(_ settings: KioskSettings) -> (connection: HTTPClient, token: String)? {
        let tokenPath = "\(settings.service.stateDirectory)/\(StaffToken.fileName)"
        guard let url = URL(string: settings.localServiceURL), let host = url.host,
              case let .success(bytes) = FileDescriptor.readFile(tokenPath, limit: 4096),
              let connection = try? HTTPClient(host: host, port: url.port ?? 80, timeout: 10) else { return nil }
        return (connection, String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func ask(_ client: (connection: HTTPClient, token: String), _ id: Int64,
                            _ choice: KioskStore.UnsureChoice, done: String) throws -> String {
        let reply: HTTPClientResponse
        do {
            reply = try client.connection.send(method: "POST", path: "/api/v1/outbox/\(id)/\(choice.rawValue)",
                                               headers: HTTPHeaders([("Authorization", "Bearer \(client.token)")]))
        } catch {
            throw RuntimeError("the service did not answer (\(error)); run 'badgekiosk outbox' to see where award \(id) stands")
        }
        let message = (try? KioskAPI.decode(ErrorReply.self, from: reply.body))?.error.message ?? "HTTP \(reply.status)"
        switch reply.status {
        case 200: return done
        case 404: throw RuntimeError("there is no award \(id)")
        case 401: throw RuntimeError("the service refused the staff token in the state folder")
        default: throw RuntimeError("award \(id): \(message)")
        }
    }
}
