import Foundation
import IssuerSimulator

/// An issuer simulator in this process, speaking Open Badge Factory's API on a free loopback port,
/// and the settings that point a `badgekiosk serve` child at it: for the benchmarks that forward awards.
struct BenchIssuer {
    let simulator: IssuerSimulator
    /// `BADGEKIOSK_*` settings for the child.
    let environment: [String: String]

    /// Starts a simulator set up as `configuration` (on a port of its own choosing) and writes its client
    /// secret to a private file in `directory`; `settings` add to or override the child's issuer settings.
    init(_ configuration: SimulatorConfiguration, directory: String, settings: [String: String]) throws {
        var configuration = configuration
        configuration.port = 0
        let simulator = IssuerSimulator(configuration: configuration)
        let port = try simulator.start()
        let secretFile = "\(directory)/issuer-secret"
        guard FileManager.default.createFile(atPath: secretFile, contents: Data(configuration.clientSecret.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            simulator.shutdown()
            throw RuntimeError("cannot write \(secretFile)")
        }
        self.simulator = simulator
        environment = [
            "BADGEKIOSK_ISSUER": "obf", "BADGEKIOSK_ISSUER_URL": "http://127.0.0.1:\(port)",
            "BADGEKIOSK_ISSUER_CLIENT_ID": configuration.clientID, "BADGEKIOSK_ISSUER_CLIENT_SECRET_FILE": secretFile,
        ].merging(settings) { $1 }
    }

    func shutdown() {
        simulator.shutdown()
    }
}
