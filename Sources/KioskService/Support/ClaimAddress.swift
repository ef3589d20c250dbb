import Posix

/// Where phones reach this kiosk, the start of every claim link: `public_url` when set, else this
/// machine's address on the venue network, looked at again whenever asked to follow the network, so a
/// new DHCP lease, a late network or another venue's Wi-Fi changes new QR codes without a restart.
final class ClaimAddress: Sendable {
    private let configured: String?
    /// Listening on loopback only: phones cannot reach it, and 127.0.0.1 is the truthful address.
    private let loopback: Bool
    private let lookup: @Sendable () -> String?
    private let state: Locked<(port: Int, host: String)>

    init(configuration: ServiceConfiguration, lookup: @escaping @Sendable () -> String? = NetworkInterfaces.currentIPv4) {
        configured = configuration.publicURL
        loopback = ServiceConfiguration.isLoopback(configuration.listenHost)
        self.lookup = lookup
        let host = configured == nil && !loopback ? lookup() ?? "127.0.0.1" : "127.0.0.1"
        state = Locked((configuration.listenPort, host))
    }

    /// The address without a trailing slash, e.g. `http://192.168.1.20:8080`.
    var url: String {
        if let configured { return configured }
        return state.withLock { "http://\($0.host):\($0.port)" }
    }

    /// Records the port actually bound (the configuration may ask for port 0).
    func announce(port: Int) {
        state.withLock { $0.port = port }
    }

    /// Looks at the machine's addresses again; the new claim-link start when it changed, else nil.
    func follow() -> String? {
        guard configured == nil, !loopback, let host = lookup() else { return nil }
        let changed = state.withLock { current -> Bool in
            guard current.host != host else { return false }
            current.host = host
            return true
        }
        return changed ? url : nil
    }
}
