@preconcurrency import Glibc
import Foundation
import KioskService
import Posix
import TerminalUI

/// The facts about the machine: the units, the console font and the network addresses.
extension DoctorCommand {
    /// `systemctl is-enabled` and `is-active` of `unit`; unknown without systemctl or a running systemd.
    static func unitFacts(_ unit: String) -> Doctor.UnitFacts {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map { "\($0)/systemctl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let systemctl = path else { return .unknown("systemctl is not on this machine") }
        // What sd_booted() looks at: systemd makes this folder when it runs as the first process.
        guard FileManager.default.fileExists(atPath: "/run/systemd/system") else {
            return .unknown("systemd is not running on this machine")
        }
        return .states(enabled: firstLine(systemctl, ["is-enabled", unit]), active: firstLine(systemctl, ["is-active", unit]))
    }

    /// The first line `tool` prints on standard output, trimmed; empty when it prints nothing or cannot run.
    private static func firstLine(_ tool: String, _ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// Asks the Linux console the doctor runs on (its input, else its output), as the front does for `qr_style = auto`.
    static func consoleHasHalfBlocks() -> Bool? {
        ConsoleFont.hasHalfBlocks(fd: STDIN_FILENO) ?? ConsoleFont.hasHalfBlocks(fd: STDOUT_FILENO)
    }

    static func claimLinkFacts(_ configuration: ServiceConfiguration) -> Doctor.ClaimLinkFacts {
        var facts = Doctor.ClaimLinkFacts(
            publicURL: configuration.publicURL, listenHost: configuration.listenHost, listenPort: configuration.listenPort,
            followed: NetworkInterfaces.currentIPv4(), machine: NetworkInterfaces.ipv4Addresses().map(\.ipv4))
        if let url = configuration.publicURL {
            let host = Doctor.hostName(of: url)
            facts.resolved = Doctor.isIPv4(host) ? [host] : ipv4Addresses(of: host)
        }
        return facts
    }

    /// The IPv4 addresses `name` resolves to; none when it does not.
    private static func ipv4Addresses(of name: String) -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var found: [String] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ai_next }
            guard let address = entry.pointee.ai_addr, let ipv4 = NetworkInterfaces.text(ofIPv4: address) else { continue }
            if !found.contains(ipv4) { found.append(ipv4) }
        }
        return found
    }
}
