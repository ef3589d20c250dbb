import HTTPKit
import Issuers
import KioskCore
import KioskStore

/// The whole local service in one process: store, staff token, API, forwarder and HTTP server.
///
/// `badgekiosk serve` wraps it in signals and sd_notify; `badgekiosk demo` runs it beside the
/// issuer simulator and the front, with its log in a file so the screen stays clean.
public final class ServiceHost: Sendable {
    public let configuration: ServiceConfiguration
    public let store: KioskStore
    public let service: KioskService
    public let staffToken: StaffToken
    public let port: Int
    private let forwarder: Forwarder
    private let server: HTTPServer

    /// Opens everything and starts listening. Each failure says which part could not start.
    /// Every line given to `log` has been through `LogText`, whatever part of the service wrote it.
    public init(configuration: ServiceConfiguration, log sink: @escaping @Sendable (String) -> Void) throws(ServiceHostError) {
        let log: @Sendable (String) -> Void = { sink(LogText.sanitize($0)) }
        self.configuration = configuration
        let directory = configuration.stateDirectory
        do {
            store = try KioskStore(directory: directory)
        } catch {
            throw .cannotStart("cannot open the store in \(directory): \(error)")
        }
        do {
            staffToken = try StaffToken.loadOrCreate(in: directory)
            service = try KioskService(configuration: configuration, store: store, staffToken: staffToken)
        } catch {
            store.close()
            throw .cannotStart("cannot read \(directory): \(error)")
        }
        do {
            forwarder = try service.startForwarding { log("badgekiosk: outbox: \($0)") }
        } catch {
            store.close()
            if let problem = error as? ConfigError { throw .configuration(problem) }
            throw .cannotStart("cannot start forwarding awards: \(error)")
        }
        var settings = HTTPServerConfiguration()
        settings.host = configuration.listenHost
        settings.port = configuration.listenPort
        settings.maxConnections = configuration.maxConnections
        settings.eventLoops = configuration.eventLoops
        server = HTTPServer(configuration: settings, responder: service) { log(RequestLog.line(for: $0)) }
        do {
            port = try server.start()
        } catch {
            forwarder.stop()
            store.close()
            throw .cannotStart("cannot listen on \(configuration.listenHost):\(configuration.listenPort): \(error)")
        }
        service.announce(port: port)
    }

    /// Stops taking requests, lets those in flight finish (up to `grace` seconds), stops the
    /// forwarder and closes the database, in that order, so nothing acknowledged is cut short.
    public func stop(grace: Double = 5) {
        server.shutdown(grace: grace)
        forwarder.stop()
        store.close()
    }
}

/// Why the service could not start.
public enum ServiceHostError: Error, CustomStringConvertible {
    /// A setting is wrong: reported as `file:line: key: problem`.
    case configuration(ConfigError)
    /// Something outside the settings failed (disk, port, permissions).
    case cannotStart(String)

    public var description: String {
        switch self {
        case .configuration(let error): error.description
        case .cannotStart(let reason): reason
        }
    }
}
