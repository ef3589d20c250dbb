import Foundation
import HTTPCore
import HTTPKit
import Issuers
import IssuerSimulator
import KioskAPI
import KioskFront
import KioskService
import Posix

/// `badgekiosk demo`: the issuer simulator, the service and the front on this machine, with no set-up.
enum DemoCommand {
    static let declaration = CommandDeclaration(
        "demo", summary: "Try everything on this machine: a stand-in issuer, the service and the front.",
        description: """
        Runs everything on this machine, with nothing to set up and no root: a stand-in for Open
        Badge Factory (or Badgr, or Navigatr) with the "Intro to Work" badges (Days 1 to 4 and a
        completion badge), the local service, and the kiosk's front in this terminal.
        Press F2 and type the PIN to act as the volunteer; quit from there.

        The service listens on this machine only, at 127.0.0.1:8080. To let phones on the same
        Wi-Fi scan the QR code and try the claim page, run it with --listen 0.0.0.0:8080.
        """,
        options: [
            OptionDeclaration("state-dir", valueName: "DIR", doc: "Where the demo keeps its data",
                              defaultValue: .value(".badgekiosk-demo")),
            OptionDeclaration("pin", valueName: "PIN", doc: "The volunteer PIN, 4 to 12 digits", defaultValue: .value("1234")),
            OptionDeclaration("issuer", valueName: "NAME", doc: "Which issuer the stand-in plays: obf, badgr or navigatr",
                              defaultValue: .value(IssuerKind.obf.rawValue)),
            OptionDeclaration("listen", valueName: "HOST:PORT", doc: """
                Where the service listens; 0.0.0.0:8080 lets phones on the same Wi-Fi reach it, \
                port 0 picks a free one
                """, defaultValue: .value(defaultListen)),
        ],
        run: run)

    /// This machine only, on a port that stays the same from run to run, so its address can be written down.
    static let defaultListen = "127.0.0.1:8080"

    private static func run(_ parsed: ParsedArguments) throws {
        let directory = absolute(try parsed.required("state-dir"))
        let pin = try parsed.required("pin")
        let issuer = try parsed.choice("issuer", of: IssuerKind.self)
        let listen = try parsed.required("listen")
        guard let (listenHost, listenPort) = ServiceConfiguration.parseListen(listen) else {
            throw parsed.problem("--listen takes HOST:PORT, e.g. \(defaultListen), not '\(listen)'")
        }
        guard (4...12).contains(pin.count), pin.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw parsed.problem("--pin takes 4 to 12 digits")
        }
        Signals.ignoreBrokenPipe()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let log = try LogFile(path: "\(directory)/demo.log")

        var simulatorSettings = SimulatorConfiguration()
        simulatorSettings.port = 0
        simulatorSettings.log = { log.line("issuer-sim: \($0)") }
        let simulator = IssuerSimulator(configuration: simulatorSettings)
        let simulatorPort: Int
        do {
            simulatorPort = try simulator.start()
        } catch {
            throw RuntimeError("the demo issuer could not start: \(error)")
        }
        defer { simulator.shutdown() }

        let host = try startService(directory: directory, listen: (listenHost, listenPort), issuer: issuer,
                                    simulator: simulatorSettings, simulatorPort: simulatorPort, log: log)
        log.line("demo: the service listens on \(listenHost):\(host.port)")
        defer { host.stop(grace: 2) }
        syncCatalogue(port: host.port, token: host.staffToken.value, log: log)
        setUpProgramme(port: host.port, token: host.staffToken.value, issuer: issuer, log: log)

        let front = FrontConfiguration(
            serviceURL: "http://127.0.0.1:\(host.port)", staffToken: host.staffToken.value, pin: pin,
            issuerName: issuer.displayName,
            demoHint: "Demo: press F2 and type the PIN \(pin) to start a session. Quit from there. "
                + "The service listens on \(listenHost):\(host.port).",
            allowQuit: true, slipDirectory: "\(directory)/slips")
        let exit: FrontExit
        do {
            exit = try FrontApp(configuration: front).run()
        } catch let error as FrontError {
            throw RuntimeError(error.description)
        }
        if exit == .quit {
            let awards = simulator.awards.count
            Console.out("Demo stopped. The stand-in issuer received \(awards) badge\(awards == 1 ? "" : "s").")
            Console.out("Its data is in \(directory); the service's log is \(log.path).")
        }
    }

    /// The service on `listen`, forwarding to the simulator as if it were `issuer`. For Navigatr the
    /// client id is the provider's number and the secret file holds the access token.
    private static func startService(directory: String, listen: (host: String, port: Int), issuer: IssuerKind,
                                     simulator: SimulatorConfiguration, simulatorPort: Int,
                                     log: LogFile) throws -> ServiceHost {
        let secretPath = "\(directory)/issuer-secret"
        guard FileManager.default.createFile(atPath: secretPath, contents: Data(simulator.clientSecret.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw RuntimeError("cannot write \(secretPath)")
        }
        let configuration = try ConfigErrorReport.load(path: "/dev/null", overrides: [
            ("state_dir", directory), ("listen", "\(listen.host):\(listen.port)"), ("venue_name", "the badgekiosk demo"),
            ("issuer", issuer.rawValue), ("issuer_url", "http://127.0.0.1:\(simulatorPort)"),
            ("issuer_client_id", issuer == .navigatr ? String(simulator.navigatrProviderID) : simulator.clientID),
            ("issuer_client_secret_file", secretPath),
            ("issuer_max_backoff_seconds", "10"),
        ]).service
        do {
            return try ServiceHost(configuration: configuration, build: Version.build) { log.line($0) }
        } catch .configuration(let error) {
            throw ConfigErrorReport(error: error)
        } catch .addressInUse(let host, let port) {
            throw UsageError("port \(port) is in use (is badgekiosk serve running?); try --listen \(host):\(port < 65_535 ? port + 1 : port - 1)",
                             command: "badgekiosk demo")
        } catch {
            throw RuntimeError(error.description)
        }
    }

    /// Fills the catalogue from the simulator through the service's own sync, as a volunteer would.
    private static func syncCatalogue(port: Int, token: String, log: LogFile) {
        let reply = try? HTTPClient(host: "127.0.0.1", port: port).send(
            method: "POST", path: "/api/v1/badges/sync", headers: HTTPHeaders([("Authorization", "Bearer \(token)")]))
        log.line("demo: catalogue sync answered \(reply.map { String($0.status) } ?? "nothing")")
    }

    /// The simulator's "Intro to Work" (`SimulatedBadge.demoCatalogue`, under the ids `issuer` knows
    /// them by): Days 1 to 4 earn the completion badge. Made once: the demo's state persists between
    /// runs, so existing programmes are kept.
    private static func setUpProgramme(port: Int, token: String, issuer: IssuerKind, log: LogFile) {
        let staff = HTTPHeaders([("Authorization", "Bearer \(token)")])
        let listed = try? HTTPClient(host: "127.0.0.1", port: port).send(method: "GET", path: "/api/v1/programmes", headers: staff)
        let existing = listed.flatMap { try? KioskAPI.decode(ProgrammesReply.self, from: $0.body) }?.programmes
        guard let existing, existing.isEmpty else {
            log.line("demo: programmes answered \(listed.map { String($0.status) } ?? "nothing"); none added")
            return
        }
        let ids = SimulatedBadge.demoCatalogue.map { issuer == .navigatr ? String($0.navigatrID) : $0.id }
        let programme = ProgrammeRequest(name: "Intro to Work", badges: Array(ids.dropLast()), completion: ids[ids.count - 1])
        var headers = staff
        headers.add("Content-Type", "application/json")
        let body = (try? KioskAPI.encode(programme)) ?? []
        let reply = try? HTTPClient(host: "127.0.0.1", port: port).send(
            method: "POST", path: "/api/v1/programmes", headers: headers, body: body)
        log.line("demo: the Intro to Work programme answered \(reply.map { String($0.status) } ?? "nothing")")
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
