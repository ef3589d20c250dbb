import HTTPCore
import HTTPKit
import Posix

/// A stand-in central issuer speaking the Open Badge Factory, Badgr and Navigatr APIs on one port, keeping
/// every award it receives and injecting faults on request: for `badgekiosk issuer-sim`, the demo
/// and tests. Plain HTTP, meant for loopback.
public final class IssuerSimulator: Sendable {
    public let configuration: SimulatorConfiguration
    private let state: SimulatorState
    /// The simulator's answers without its server, so a test can call it with no socket; it keeps
    /// the same awards, requests and faults as the server does.
    public let responder: any HTTPResponder
    private let server: HTTPServer
    private let boundPort = Locked<Int?>(nil)

    public init(configuration: SimulatorConfiguration = SimulatorConfiguration()) {
        self.configuration = configuration
        state = SimulatorState(faults: configuration.faults, seed: configuration.seed, clockOffset: configuration.clockOffset)
        var serverConfiguration = HTTPServerConfiguration()
        serverConfiguration.host = configuration.host
        serverConfiguration.port = configuration.port
        serverConfiguration.eventLoops = 1
        // Held `timeout` connections count against this; a drain with many of them must not be refused.
        // They all come from the kiosk's one address, so that address may hold every place.
        serverConfiguration.maxConnections = 4096
        serverConfiguration.maxConnectionsPerAddress = 4096
        responder = SimulatorResponder(configuration: configuration, state: state)
        server = HTTPServer(configuration: serverConfiguration, responder: responder) { _ in }
    }

    /// Starts listening; returns the bound port.
    public func start() throws -> Int {
        let port = try server.start()
        boundPort.withLock { $0 = port }
        return port
    }

    /// Stops at once, dropping held connections.
    public func shutdown() {
        server.shutdown(grace: 0)
    }

    /// The bound port once started.
    public var port: Int? { boundPort.withLock { $0 } }

    /// `http://HOST:PORT` once started, for the kiosk's `issuer_url`.
    public var url: String? { port.map { "http://\(configuration.host):\($0)" } }

    /// Every award received so far, in order.
    public var awards: [SimulatedAward] { state.awards }

    /// Every request received so far, in order, with its answer.
    public var requests: [SimulatedRequest] { state.requests }

    /// The faults in force; can be changed while running.
    public var faults: FaultSpec {
        get { state.faults }
        set { state.faults = newValue }
    }

    /// Seconds the simulator's clock is ahead of this machine's; can be changed while running.
    public var clockOffset: Double {
        get { state.clockOffset }
        set { state.clockOffset = newValue }
    }

    /// Marks the award handed out as `id` (or every award to `email`) accepted, as a learner who
    /// claimed it would; the issuers' acceptance answers report it from now on. Returns how many changed.
    @discardableResult
    public func accept(id: String? = nil, email: String? = nil, as status: SimulatedAward.Status = .accepted) -> Int {
        guard id != nil || email != nil else { return 0 }
        return state.mark(status, id: id, email: email, at: state.now)
    }

    /// Makes the next `count` award or look-up requests meet `fault`, whatever the dice say.
    public func failNext(_ fault: FaultSpec.Fault, count: Int = 1) {
        state.force(fault, count: count)
    }
}
