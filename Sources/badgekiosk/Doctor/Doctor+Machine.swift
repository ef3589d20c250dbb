import KioskService
/// The checks of the machine around the service: its units, its console font and its network address.
extension Doctor {
    /// A systemd unit's states, as `systemctl is-enabled` and `is-active` print them.
    enum UnitFacts: Sendable, Equatable {
        /// The states cannot be asked here: why.
        case unknown(String)
        /// What systemctl printed; empty when it printed nothing (no such unit).
        case states(enabled: String, active: String)
    }

    /// `is-enabled` answers meaning the unit starts with the machine (or with another unit).
    static let enabledStates: Set<String> = ["enabled", "enabled-runtime", "static", "alias", "indirect", "generated", "linked"]

    /// The check of `unit` (`badgekiosk.service`), named `name` on its line.
    static func unit(_ unit: String, named name: String, _ facts: UnitFacts) -> DoctorCheck {
        let enabled: String, active: String
        switch facts {
        case let .unknown(reason): return .skipped(name, because: reason)
        case let .states(enabledState, activeState): (enabled, active) = (enabledState, activeState)
        }
        if enabled.isEmpty || enabled == "not-found" {
            return .fail(name, "\(unit) is not installed", advice: "Install the package: sudo apt install ./badgekiosk_*.deb.")
        }
        guard enabledStates.contains(enabled) else {
            return .fail(name, "\(unit) is \(enabled), so it does not start with the machine",
                         advice: "Turn it on: sudo systemctl unmask \(unit); sudo systemctl enable --now \(unit).")
        }
        switch active {
        case "active", "reloading":
            return .ok(name, "\(unit) is enabled and running")
        case "activating":
            return .warn(name, "\(unit) is starting", advice: "Run 'badgekiosk doctor' again in a minute.")
        default:
            return .fail(name, "\(unit) is not running (\(active.isEmpty ? "no answer" : active))",
                         advice: "See why: journalctl -u \(unit) -n 30; start it: sudo systemctl start \(unit).")
        }
    }

    /// Whether the console font can draw half blocks; nil when not run on a Linux console.
    static func consoleFont(hasHalfBlocks: Bool?) -> DoctorCheck {
        let name = "console font"
        switch hasHalfBlocks {
        case nil:
            return .skipped(name, because: "not on the kiosk's console")
        case true?:
            return .ok(name, "the console font has half blocks, so QR codes are drawn small and sharp")
        case false?:
            return .warn(name, "the console font has no half blocks, so QR codes are drawn twice as large",
                         advice: "Load a font with them: sudo /usr/libexec/badgekiosk/kiosk-console lock.")
        }
    }

    /// Where claim links point, and this machine's addresses.
    struct ClaimLinkFacts: Sendable, Equatable {
        /// The `public_url` setting, if set.
        var publicURL: String?
        var listenHost: String
        var listenPort: Int
        /// The address the service follows when `public_url` is not set; nil when the machine has none.
        var followed: String?
        /// This machine's IPv4 addresses (interfaces up, not loopback).
        var machine: [String]
        /// What `public_url`'s host stands for: itself when it is an address, else what its name resolves to.
        var resolved: [String] = []
    }

    static func claimLink(_ facts: ClaimLinkFacts) -> DoctorCheck {
        let name = "claim link"
        let follow = "remove public_url so the kiosk follows the network"
        guard let url = facts.publicURL else { return followedLink(facts) }
        let host = hostName(of: url)
        if host == "localhost" || !facts.resolved.isEmpty && facts.resolved.allSatisfy({ $0.hasPrefix("127.") || $0 == "::1" }) {
            return .warn(name, "public_url \(url) is this machine's loopback, which phones cannot reach",
                         advice: "Set public_url to this machine's address on the venue network, or \(follow).")
        }
        if facts.resolved.contains(where: facts.machine.contains) {
            return .ok(name, "claim links start with \(url), this machine")
        }
        let addresses = facts.machine.isEmpty ? "it has none" : "it has \(facts.machine.joined(separator: ", "))"
        let suggestion = facts.followed.map { "Set public_url to http://\($0):\(facts.listenPort), or \(follow)." } ?? "Fix public_url, or \(follow)."
        if facts.resolved.isEmpty {
            let avahi = host.hasSuffix(".local")
                ? "Avahi answers to .local names: sudo apt-get install avahi-daemon libnss-mdns. Or: " : ""
            return .fail(name, "the name in public_url (\(host)) cannot be found", advice: avahi + suggestion)
        }
        if isIPv4(host) {
            return .fail(name, "public_url \(url) is not this machine's address (\(addresses))", advice: suggestion)
        }
        return .warn(name, "public_url's name \(host) leads to \(facts.resolved.joined(separator: ", ")), not this machine (\(addresses))",
                     advice: "That is fine if a proxy there forwards to this kiosk. If not: \(suggestion)")
    }

    private static func followedLink(_ facts: ClaimLinkFacts) -> DoctorCheck {
        let name = "claim link"
        if ServiceConfiguration.isLoopback(facts.listenHost) {
            return .warn(name, "the service listens on \(facts.listenHost) only, so phones cannot reach it",
                         advice: "If phones should claim, set listen = 0.0.0.0:\(facts.listenPort) in the settings.")
        }
        guard let followed = facts.followed else {
            return .fail(name, "this machine has no network address, so phones cannot reach it",
                         advice: "Connect it to the venue's Wi-Fi or network.")
        }
        if !["0.0.0.0", "::", followed].contains(facts.listenHost) {
            return .fail(name, "the service listens on \(facts.listenHost) but claim links use \(followed)",
                         advice: "Set listen = 0.0.0.0:\(facts.listenPort) in the settings.")
        }
        return .ok(name, "claim links start with http://\(followed):\(facts.listenPort), this machine's address on the network")
    }

    /// The host of `url` (`http://host:port/...`), without brackets; the whole text when it has none.
    static func hostName(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        rest = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { return String(rest[rest.index(after: rest.startIndex)..<close]) }
        return String(rest.split(separator: ":", maxSplits: 1).first ?? rest).lowercased()
    }

    /// `192.168.1.20`: four numbers from 0 to 255.
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && UInt8($0) != nil }
    }
}
