import Foundation
import IssuerSimulator
import KioskService
import Posix

/// `badgekiosk issuer-sim`: a stand-alone issuer simulator for practice, demos and fault drills.
enum IssuerSimCommand {
    static let declaration = CommandDeclaration(
        "issuer-sim", summary: "Run a stand-in issuer (Open Badge Factory, Badgr, Navigatr) with optional faults.",
        description: """
        Runs a stand-in central issuer that speaks the Open Badge Factory, Badgr and Navigatr APIs on
        one port, keeps every award it receives, and can misbehave on purpose. Runs until SIGTERM or
        Ctrl-C. GET /_sim/awards lists what it received; POST /_sim/accept with {"id": ...} or
        {"email": ...} marks an award accepted, as its learner would. Point the kiosk at it with
          issuer = obf (or badgr), issuer_url = http://127.0.0.1:8090, issuer_client_id = demo,
          issuer_client_secret_file = a private file holding demo-secret;
        or, as Navigatr (badge ids 3425 to 3429; the secret is the access token),
          issuer = navigatr, issuer_url = http://127.0.0.1:8090, issuer_client_id = 77 (the provider),
          issuer_client_secret_file = a private file holding demo-secret.
        """,
        options: [
            OptionDeclaration("listen", valueName: "HOST:PORT", doc: "Address to listen on; port 0 picks a free one",
                              defaultValue: .described("127.0.0.1:8090")),
            OptionDeclaration("faults", valueName: "SPEC", doc: """
                Faults to inject, e.g. 500:0.2,429:0.1,timeout:0.05,reset:0.05,slow:0.05,drop:0.1,token-expiry:30s \
                (each KIND:SHARE hits that share of award and look-up requests; 429s say Retry-After: 2; \
                drop records the award, then closes the connection unanswered; drop-reused does so \
                only on a reused keep-alive connection)
                """),
            OptionDeclaration("clock-offset", valueName: "TIME", doc: """
                Runs the issuer's clock ahead (30s) or behind (-30s) this machine's; issue times \
                in its future are refused, as Badgr refuses them
                """),
            OptionDeclaration("seed", valueName: "N", doc: "Makes the faults repeat exactly from run to run"),
            OptionDeclaration("client-id", valueName: "ID", doc: "The client id (and Badgr user name) it accepts",
                              defaultValue: .described("demo")),
            OptionDeclaration("secret-file", valueName: "FILE",
                              doc: "A file holding the secret (Navigatr: the access token) it accepts; without it, demo-secret"),
        ],
        run: run)

    private static func run(_ parsed: ParsedArguments) throws {
        var configuration = SimulatorConfiguration()
        if let listen = parsed.string("listen") {
            guard let (host, port) = ServiceConfiguration.parseListen(listen) else {
                throw parsed.problem("--listen takes HOST:PORT, e.g. 127.0.0.1:8090, not '\(listen)'")
            }
            (configuration.host, configuration.port) = (host, port)
        }
        if let spec = parsed.string("faults") {
            do {
                configuration.faults = try FaultSpec(parsing: spec)
            } catch {
                throw parsed.problem("--faults: \(error)")
            }
        }
        if let seed = try parsed.optionalNumber("seed", in: 0...Int.max) { configuration.seed = UInt64(seed) }
        if let offset = parsed.string("clock-offset") {
            guard let seconds = FaultSpec.duration(offset), abs(seconds) <= 10 * 365 * 86_400 else {
                throw parsed.problem("--clock-offset takes a time such as 30s, -2m or -1.5, not '\(offset)'")
            }
            configuration.clockOffset = seconds
        }
        if let clientID = parsed.string("client-id") { configuration.clientID = clientID }
        if let path = parsed.string("secret-file") { configuration.clientSecret = try readSecret(path, parsed) }
        configuration.log = { Console.error("issuer-sim: \($0)") }
        Signals.block([SIGTERM, SIGINT])
        Signals.ignoreBrokenPipe()
        let simulator = IssuerSimulator(configuration: configuration)
        let port: Int
        do {
            port = try simulator.start()
        } catch {
            throw RuntimeError("cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        Console.error("issuer-sim: listening on \(configuration.host):\(port); client id \(configuration.clientID); "
            + "Navigatr provider \(configuration.navigatrProviderID); faults \(configuration.faults)")
        _ = Signals.wait(for: [SIGTERM, SIGINT])
        simulator.shutdown()
        Console.error("issuer-sim: stopped after \(simulator.awards.count) award(s)")
    }

    private static func readSecret(_ path: String, _ parsed: ParsedArguments) throws -> String {
        switch FileDescriptor.readFile(path, limit: 4096) {
        case let .success(bytes):
            let secret = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw parsed.problem("--secret-file \(path) is empty") }
            return secret
        case let .failure(error):
            throw parsed.problem("--secret-file \(path) cannot be read (\(error))")
        }
    }
}
