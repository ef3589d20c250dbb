import Foundation
import HTTPKit
import Issuers
import KioskCore
import KioskStore
import Posix

/// The whole local service in one process: store, staff token, API, forwarder and HTTP server.
///
/// `badgekiosk serve` wraps it in signals and sd_notify; `badgekiosk demo` runs it beside the
/// issuer simulator and the front, with its log in a file so the screen stays clean.
public final class ServiceHost: Sendable {
    /// Descriptors kept for all but phones' connections: the database (a writer and up to eight
    /// readers, each with its journal), the issuer connections (up to 32), the log, the staff token.
    static let descriptorReserve = 128

    public let configuration: ServiceConfiguration
    public let store: KioskStore
    public let service: KioskService
    public let staffToken: StaffToken
    public let port: Int
    private let forwarder: Forwarder
    /// Asks the issuer whether learners accepted their awards; idle for Badgr or no issuer.
    private let acceptance: AcceptancePoller
    private let server: HTTPServer
    /// The state folder's lock, let go at `stop` (a restore waits for it).
    private let folderLock: Locked<FolderLock?>
    /// Seconds between looks at this machine's network address (see `KioskService.followNetwork`).
    static let networkCheckSeconds = 5.0
    private let running = Locked(true)

    /// Opens everything and starts listening. Each failure says which part could not start.
    /// Every line given to `log` has been through `LogText`, whatever part of the service wrote it.
    /// `build` is reported by `/metrics`.
    public init(configuration: ServiceConfiguration, build: BuildInfo = .unknown,
                log sink: @escaping @Sendable (String) -> Void) throws(ServiceHostError) {
        let log: @Sendable (String) -> Void = { sink(LogText.sanitize($0)) }
        self.configuration = configuration
        let directory = configuration.stateDirectory
        folderLock = Locked(try Self.lockFolder(directory))
        store = try Self.openStore(in: directory)
        if let warning = store.clock.warning() { log("badgekiosk: warning: \(warning)") }
        do {
            staffToken = try StaffToken.loadOrCreate(in: directory)
            service = try KioskService(configuration: configuration, store: store, staffToken: staffToken, build: build,
                                       log: { log("badgekiosk: \($0)") })
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
        acceptance = service.startAcceptanceChecks(issuer: forwarder.issuer) { log("badgekiosk: acceptance: \($0)") }
        var settings = HTTPServerConfiguration()
        settings.host = configuration.listenHost
        settings.port = configuration.listenPort
        settings.maxConnections = configuration.maxConnections
        settings.maxConnectionsPerAddress = configuration.maxConnectionsPerAddress
        settings.eventLoops = configuration.eventLoops
        // Past the open-file limit `accept` fails and phones would wait out their timeout unanswered;
        // below it, they are told 503 and try again.
        let openFiles = FileDescriptor.openFileLimit()
        settings.maxConnections = settings.connectionLimit(openFileLimit: openFiles, reserve: Self.descriptorReserve)
        if settings.maxConnections < configuration.maxConnections {
            log("""
                badgekiosk: the open-file limit is \(openFiles), so at most \(settings.maxConnections) connections \
                are served at once (max_connections is \(configuration.maxConnections)); past that, phones are \
                asked to try again. Raise LimitNOFILE to serve more.
                """)
        }
        server = HTTPServer(configuration: settings, responder: service) { [service] entry in
            service.countRequest(status: entry.status)
            log(RequestLog.line(for: entry))
        }
        do {
            port = try server.start()
        } catch {
            acceptance.beginStopping()
            forwarder.stop()
            acceptance.stop()
            store.close()
            if let error = error as? SystemError, error.code == EADDRINUSE {
                throw .addressInUse(host: configuration.listenHost, port: configuration.listenPort)
            }
            throw .cannotStart("cannot listen on \(configuration.listenHost):\(configuration.listenPort): \(error)")
        }
        service.announce(port: port)
        followNetwork()
    }

    /// Looks at the network address every few seconds until `stop`.
    private func followNetwork() {
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.networkCheckSeconds) { [self] in
            guard running.withLock({ $0 }) else { return }
            service.followNetwork()
            followNetwork()
        }
    }

    /// Takes the state folder's lock (making the folder if need be): one service per folder, and
    /// never while a restore is putting a database in place.
    private static func lockFolder(_ directory: String) throws(ServiceHostError) -> FolderLock {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            guard let lock = try FolderLock.take(KioskStore.lockFileName, in: directory) else {
                throw ServiceHostError.refused("another badgekiosk serve, or a restore, is using the state folder \(directory). "
                    + "Stop it first, or give this one its own folder (--state-dir).")
            }
            return lock
        } catch let error as ServiceHostError {
            throw error
        } catch {
            throw .cannotStart("cannot use the state folder \(directory): \(error)")
        }
    }

    /// Opens the store in `directory`, refusing (`.refused`, saying what to do) a damaged database,
    /// or a folder in use that has lost its database; the admin commands open it the same way.
    public static func openStore(in directory: String) throws(ServiceHostError) -> KioskStore {
        try checkDatabaseKept(in: directory)
        do {
            return try KioskStore(directory: directory)
        } catch .damaged(let path, let problem) {
            throw .refused("the database \(path) is damaged (\(problem)), so badgekiosk will not use it. "
                + "Restore \(KioskStore.fileName) from a backup, or move the folder \(directory) aside to start afresh.")
        } catch {
            throw .cannotStart("cannot open the store in \(directory): \(error)")
        }
    }

    /// Refuses a state folder that was in use (it holds a staff token) whose database is missing or
    /// empty: SQLite would quietly make a new, empty one, and every session, code and queued award
    /// would be gone without a word. A first start (no token yet) makes the database as usual.
    private static func checkDatabaseKept(in directory: String) throws(ServiceHostError) {
        let database = "\(directory)/\(KioskStore.fileName)"
        let inUse: Bool
        do {
            inUse = try StaffToken.isPresent(in: directory)
        } catch {
            throw .cannotStart("cannot read \(directory): \(error)")
        }
        guard inUse else { return }
        let size = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? NSNumber)?.intValue
        let state = switch size {
        case nil: "missing"
        case 0: "empty (0 bytes)"
        default: ""
        }
        guard !state.isEmpty else { return }
        throw .refused("the state folder \(directory) was in use (it has a \(StaffToken.fileName)) but its database "
            + "\(KioskStore.fileName) is \(state), so badgekiosk will not start an empty one in its place. "
            + "Restore \(KioskStore.fileName) from a backup, or delete \(directory)/\(StaffToken.fileName) "
            + "to start afresh with no sessions, codes or queued awards.")
    }

    /// Stops taking requests, lets those in flight finish (up to `grace` seconds), stops the
    /// forwarder and the acceptance checks and closes the database, in that order, so nothing
    /// acknowledged is cut short. The checks are told first and waited for last, so their grace and
    /// the forwarder's run at once.
    public func stop(grace: Double = 5) {
        running.withLock { $0 = false }
        server.shutdown(grace: grace)
        acceptance.beginStopping()
        forwarder.stop()
        acceptance.stop()
        store.close()
        folderLock.withLock { $0 = nil }
    }
}

/// Why the service could not start.
public enum ServiceHostError: Error, CustomStringConvertible {
    /// A setting is wrong: reported as `file:line: key: problem`.
    case configuration(ConfigError)
    /// Something outside the settings failed (disk, port, permissions).
    case cannotStart(String)
    /// The state folder cannot be trusted as it is (a damaged database, or one missing from a folder
    /// in use): nothing was changed, and an admin must choose what to do.
    case refused(String)
    /// Another program (often another badgekiosk) already listens on this port.
    case addressInUse(host: String, port: Int)

    public var description: String {
        switch self {
        case .configuration(let error): error.description
        case .cannotStart(let reason): reason
        case .refused(let reason): reason
        case .addressInUse(let host, let port): "cannot listen on \(host):\(port): another program is using port \(port)"
        }
    }
}
