import Foundation
import HTTPCore
import HTTPKit
import KioskAPI
import Posix

/// Keeps the live event stream (`GET /api/v1/events`) open on its own thread and reports what
/// happens: connected, a change, disconnected. While the service is away it retries with
/// exponential backoff (0.5 s doubling to 30 s); while connected it blocks on the socket, so an
/// idle front uses no CPU. Without a staff token it checks `GET /healthz` instead, and again
/// whenever a request finds the service gone (`kick`).
final class ServiceMonitor: Sendable {
    private let address: ServiceAddress
    private let token: String?
    private let post: @Sendable (StreamStatus) -> Void
    private let kicked = DispatchSemaphore(value: 0)

    init(address: ServiceAddress, token: String?, post: @escaping @Sendable (StreamStatus) -> Void) {
        self.address = address
        self.token = token
        self.post = post
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "badgekiosk-front-events"
        thread.start()
    }

    /// A request could not reach the service: check now rather than at the next backoff step.
    func kick() {
        kicked.signal()
    }

    private func run() {
        var backoff = 0.5
        var useStream = token != nil
        while true {
            let outcome = useStream ? followStream() : checkHealth()
            switch outcome {
            case .unauthorized:
                useStream = false
                continue
            case .wasConnected:
                backoff = 0.5
            case .failed:
                break
            }
            post(.disconnected)
            _ = kicked.wait(timeout: .now() + backoff)
            backoff = min(backoff * 2, 30)
        }
    }

    private enum Outcome {
        case wasConnected
        case failed
        case unauthorized
    }

    /// Follows the event stream until it breaks.
    private func followStream() -> Outcome {
        let stream: HTTPClientStream
        do {
            let client = try HTTPClient(host: address.host, port: address.port, timeout: 5)
            stream = try client.openStream(path: "/api/v1/events",
                                           headers: HTTPHeaders([("Authorization", "Bearer \(token ?? "")")]))
        } catch {
            return .failed
        }
        defer { stream.close() }
        if stream.status == 401 { return .unauthorized }
        guard stream.status == 200 else { return .failed }
        post(.connected)
        var parser = EventStreamParser()
        while true {
            do {
                // A day at a time: the thread sleeps in poll until the service says something.
                guard let chunk = try stream.nextChunk(timeout: 86_400) else { return .wasConnected }
                for event in parser.feed(chunk) {
                    // The service and the front ship together: a kind this front does not know cannot come.
                    if let kind = EventKind(rawValue: event.kind) { post(.changed(kind)) }
                }
            } catch HTTPClientError.timedOut {
                continue
            } catch {
                return .wasConnected
            }
        }
    }

    /// Without a token: one health check; when it answers, wait until a request finds the service gone.
    private func checkHealth() -> Outcome {
        guard let client = try? HTTPClient(host: address.host, port: address.port, timeout: 5),
              let response = try? client.send(method: "GET", path: "/healthz"), response.status == 200 else {
            return .failed
        }
        client.close()
        post(.connected)
        kicked.wait()
        return .wasConnected
    }
}
