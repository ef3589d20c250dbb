import Foundation
import IssuerSimulator
import KioskService
import Posix

/// `badgekiosk issuer-sim`: a stand-alone issuer simulator for practice, demos and fault drills.
enum IssuerSimCommand {
    static let help = """
    Usage: badgekiosk issuer-sim [--listen HOST:PORT] [--faults SPEC] [--seed N] [--clock-offset TIME]
                                 [--client-id ID] [--secret-file FILE]

    Runs a stand-in central issuer that speaks the Open Badge Factory, Badgr and Navigatr APIs on
    one port, keeps every award it receives, and can misbehave on purpose. Runs until SIGTERM or
    Ctrl-C. GET /_sim/awards lists what it received. Point the kiosk at it with
      issuer = obf (or badgr), issuer_url = http://127.0.0.1:8090, issuer_client_id = demo,
      issuer_client_secret_file = a private file holding demo-secret;
    or, as Navigatr (badge ids 3425 to 3429; the secret is the access token),
      issuer = navigatr, issuer_url = http://127.0.0.1:8090, issuer_client_id = 77 (the provider),
      issuer_client_secret_file = a private file holding demo-secret.

    Options:
      --listen HOST:PORT  Address to listen on (default 127.0.0.1:8090; port 0 picks a free one).
      --faults SPEC       Faults to inject, e.g. 500:0.2,429:0.1,timeout:0.05,reset:0.05,slow:0.05,drop:0.1,token-expiry:30s
                          (each KIND:SHARE hits that share of award and look-up requests; 429s say Retry-After: 2;
                          drop records the award, then closes the connection unanswered; drop-reused does so
                          only on a reused keep-alive connection).
      --clock-offset TIME Runs the issuer's clock ahead (30s) or behind (-30s) this machine's; issue times
                          in its future are refused, as Badgr refuses them.
      --seed N            Makes the faults repeat exactly from run to run.
      --client-id ID      The client id (and Badgr user name) it accepts (default demo).
      --secret-file FILE  A file holding the secret (Navigatr: the access token) it accepts
                          (default: the secret is demo-secret).
      --help              Show this help.
    """

    static func run(_ arguments: Arguments) throws {
        var arguments = arguments
        if arguments.flag("help") { return Console.out(help) }
        var configuration = SimulatorConfiguration()
        if let listen = try arguments.option("listen") {
            guard let (host, port) = ServiceConfiguration.parseListen(listen) else {
                throw UsageError("--listen takes HOST:PORT, e.g. 127.0.0.1:8090, not '\(listen)'", command: arguments.command)
            }
            (configuration.host, configuration.port) = (host, port)
        }
        if let spec = try arguments.option("faults") {
            do {
                configuration.faults = try FaultSpec(parsing: spec)
            } catch {
                throw UsageError("--faults: \(error)", command: arguments.command)
            }
        }
        if let seed = try arguments.option("seed") {
            guard let value = UInt64(seed) else {
                throw UsageError("--seed takes a whole number, not '\(seed)'", command: arguments.command)
            }
            configuration.seed = value
        }
        if let offset = try arguments.option("clock-offset") {
            guard let seconds = FaultSpec.duration(offset), abs(seconds) <= 10 * 365 * 86_400 else {
                throw UsageError("--clock-offset takes a time such as 30s, -2m or -1.5, not '\(offset)'", command: arguments.command)
            }
            configuration.clockOffset = seconds
        }
        if let clientID = try arguments.option("client-id") { configuration.clientID = clientID }
        if let path = try arguments.option("secret-file") { configuration.clientSecret = try readSecret(path, arguments.command) }
        try arguments.finish()
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

    private static func readSecret(_ path: String, _ command: String) throws -> String {
        switch FileDescriptor.readFile(path, limit: 4096) {
        case let .success(bytes):
            let secret = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else { throw UsageError("--secret-file \(path) is empty", command: command) }
            return secret
        case let .failure(error):
            throw UsageError("--secret-file \(path) cannot be read (\(error))", command: command)
        }
    }
}
