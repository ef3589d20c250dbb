import HTTPCore
import KioskAPI
import Issuers
import KioskCore
import KioskStore
import Posix

/// The local service's HTTP API (docs/ARCHITECTURE.md §4.2): public claims, staff sessions and programmes, health.
///
/// Handlers run on the server's event-loop threads and never wait on the disk: reads are quick
/// SQLite reads, and every write is handed to the store's writer thread, and the request is
/// answered once its commit is durable.
public final class KioskService: HTTPResponder {
    let store: KioskStore
    let configuration: ServiceConfiguration
    let staffToken: StaffToken
    let codes: CodeBook
    /// Wrong codes and new claims from phones (see `ClaimLimits`); the front's requests skip them.
    let limits: Locked<ClaimLimits>
    /// The first screen's "Well done" lines, in memory only (never written to disk).
    let celebrations = Locked(Celebrations())
    /// Live changes for `GET /api/v1/events`.
    public let events = EventHub()
    /// The outbox forwarder, once `startForwarding` or `attach` has set it.
    let forwarding = Locked<Forwarder?>(nil)
    /// Plain-words lines for the service log: never personal data or secrets.
    let log: @Sendable (String) -> Void
    let address: ClaimAddress
    /// Which build this is, for `/metrics`.
    let build: BuildInfo
    /// When the service started, on the monotonic clock (nanoseconds).
    let startedAt = MonotonicClock.nanoseconds()
    /// Answered requests by status code, fed by the HTTP server's per-request callback.
    let requests = Locked(RequestCounts())

    public init(configuration: ServiceConfiguration, store: KioskStore, staffToken: StaffToken, build: BuildInfo = .unknown,
                addressLookup: @escaping @Sendable () -> String? = NetworkInterfaces.currentIPv4,
                log: @escaping @Sendable (String) -> Void = { _ in }) throws(StoreError) {
        self.configuration = configuration
        self.store = store
        self.staffToken = staffToken
        self.build = build
        self.log = log
        address = ClaimAddress(configuration: configuration, lookup: addressLookup)
        codes = CodeBook(try store.openCodes(at: .now())) { [store] key in
            switch key {
            case .token(let token): try? store.code(token: token)
            case .short(let short): try? store.code(short: short)
            }
        }
        var settings = ClaimLimits.Settings()
        settings.failuresPerAddress = configuration.maxFailedCodeAttempts
        settings.claimWindowSeconds = configuration.codePolicy.lifetimeSeconds
        limits = Locked(ClaimLimits(settings))
    }

    /// Where phones reach this service, without a trailing slash: claim links start with it.
    public var publicURL: String { address.url }

    /// Records the port actually bound (the configuration may ask for port 0).
    public func announce(port: Int) {
        address.announce(port: port)
    }

    /// Follows a change of this machine's address (a new lease, another venue's network): new claim
    /// links use it, the log says so, and the front hears it and shows the session's QR code again.
    public func followNetwork() {
        guard let url = address.follow() else { return }
        log("claim links now start \(url) (the network address changed)")
        events.publish(.address, AddressEvent(url: url))
    }

    public func respond(to request: HTTPRequest, writer: any HTTPResponseWriter) {
        do {
            try route(request, writer)
        } catch {
            writer.send(JSON.response(error))
        }
    }

    private func route(_ request: HTTPRequest, _ writer: any HTTPResponseWriter) throws(APIError) {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let method = request.method
        switch Array(segments) {
        case [""]:
            try allow(method, "GET")
            homePage(request, writer)
        case ["healthz"]:
            try allow(method, "GET")
            healthCheck(writer)
        case ["metrics"]:
            try allow(method, "GET")
            try metrics(request, writer)
        case ["api", "v1", "claims"]:
            try allow(method, "POST")
            try submitClaim(request, writer)
        case ["api", "v1", "claims", "later"]:
            try allow(method, "POST")
            try addLaterEmail(request, writer)
        case ["api", "v1", "celebrations"]:
            switch method {
            case "GET", "HEAD":
                try requireStaff(request)
                writer.send(try celebrationLines())
            case "POST": writer.send(try celebrate(request))
            default: throw .methodNotAllowed("GET, POST")
            }
        case ["api", "v1", "claims", "waiting"]:
            try allow(method, "GET")
            try requireStaff(request)
            writer.send(try waitingClaims())
        case ["api", "v1", "badges"]:
            try allow(method, "GET")
            try requireStaff(request)
            writer.send(JSON.response(.ok, BadgesReply(badges: try read { try store.badges() }.map(BadgeDetail.init))))
        case ["api", "v1", "sessions"]:
            try requireStaff(request)
            switch method {
            case "GET", "HEAD": writer.send(JSON.response(.ok, try listSessions()))
            case "POST": try createSession(request, writer)
            default: throw .methodNotAllowed("GET, POST")
            }
        case ["api", "v1", "programmes"]:
            try requireStaff(request)
            switch method {
            case "GET", "HEAD": writer.send(JSON.response(.ok, try listProgrammes()))
            case "POST": try createProgramme(request, writer)
            default: throw .methodNotAllowed("GET, POST")
            }
        case let path where path.count == 4 && path.starts(with: ["api", "v1", "sessions"]):
            try allow(method, "GET")
            try requireStaff(request)
            writer.send(JSON.response(.ok, try sessionDetail(path[3])))
        case let path where path.count == 5 && path.starts(with: ["api", "v1", "sessions"]) && path[4] == "end":
            try allow(method, "POST")
            try requireStaff(request)
            try endSession(path[3], writer)
        case let path where path.count == 5 && path.starts(with: ["api", "v1", "sessions"]) && path[4] == "slips":
            try allow(method, "POST")
            try requireStaff(request)
            try makeSlips(path[3], request, writer)
        case let path where path.count == 5 && path.starts(with: ["api", "v1", "sessions"]) && path[4] == "limit":
            try allow(method, "POST")
            try requireStaff(request)
            try setClaimLimit(path[3], request, writer)
        case ["api", "v1", "events"]:
            try allow(method, "GET")
            try requireStaff(request)
            events.subscribe(writer)
        case ["api", "v1", "outbox"]:
            try allow(method, "GET")
            try requireStaff(request)
            writer.send(try outboxStatus())
        case ["api", "v1", "reports"]:
            try allow(method, "GET")
            try requireStaff(request)
            writer.send(try report(request))
        case ["api", "v1", "awards", "not-accepted"]:
            try allow(method, "GET")
            try requireStaff(request)
            writer.send(try notAccepted(request))
        case let path where path.count == 5 && path.starts(with: ["api", "v1", "outbox"]) && path[4] == "retry":
            try allow(method, "POST")
            try requireStaff(request)
            try retryAward(path[3], writer)
        case let path where path.count == 5 && path.starts(with: ["api", "v1", "outbox"]):
            guard let choice = KioskStore.UnsureChoice(rawValue: String(path[4])) else { throw .notFound }
            try allow(method, "POST")
            try requireStaff(request)
            try settleAward(path[3], choice, writer)
        case ["api", "v1", "badges", "sync"]:
            try allow(method, "POST")
            try requireStaff(request)
            try syncBadges(writer)
        case let path where path.first == "c":
            try claimPage(path, request, writer)
        case let path where path.first == "e":
            try addEmailPage(path, request, writer)
        default:
            throw .notFound
        }
    }

    /// HEAD is answered wherever GET is; the server leaves out the body.
    private func allow(_ method: String, _ allowed: String) throws(APIError) {
        guard method == allowed || (allowed == "GET" && method == "HEAD") else { throw .methodNotAllowed(allowed) }
    }

    private func requireStaff(_ request: HTTPRequest) throws(APIError) {
        guard isStaff(request) else { throw .unauthorized }
    }

    /// Whether the request carries the staff token: the kiosk's own front, or an admin's tool.
    func isStaff(_ request: HTTPRequest) -> Bool {
        staffToken.authorizes(request.headers["Authorization"])
    }

    /// Runs a store read, turning a storage failure into a 503 the client may retry (and a log line).
    func read<T>(_ body: () throws -> T) throws(APIError) -> T {
        do {
            return try body()
        } catch {
            throw storeFailed(error, doing: "read the database")
        }
    }
}
