import Foundation
import KioskService
import Posix

/// `badgekiosk serve`: the local service, until SIGTERM or SIGINT.
enum ServeCommand {
    static let declaration = CommandDeclaration(
        "serve", summary: "Run the local service (HTTP API, claim storage).",
        description: """
        Runs the local service: the HTTP API on the venue network and the claim store.
        Stops cleanly on SIGTERM or Ctrl-C (exit code 0). Refuses to start (exit code 2) on a
        damaged database, or on a state folder that was in use but has lost its database.

        \(SettingsSection.service.help)
        """,
        options: [SettingsOptions.config] + SettingsOptions.options(ServiceConfiguration.flags),
        run: { parsed in try serve(SettingsOptions.load(parsed).service) })

    private static func serve(_ configuration: ServiceConfiguration) throws {
        // Before any thread starts, so every thread inherits the mask and only sigwait sees them.
        Signals.block([SIGTERM, SIGINT])
        Signals.ignoreBrokenPipe()
        let host: ServiceHost
        do {
            host = try ServiceHost(configuration: configuration, build: Version.build) { Console.error($0) }
        } catch .configuration(let error) {
            throw ConfigErrorReport(error: error)
        } catch .refused(let reason) {
            throw StateRefused(reason)
        } catch {
            throw RuntimeError(error.description)
        }
        if let issuer = configuration.issuer, let url = configuration.issuerURL {
            Console.error("badgekiosk: forwarding awards to \(issuer.displayName) at \(url)")
        } else {
            Console.error("badgekiosk: no issuer configured: claims are kept, queued, until one is set")
        }
        Console.error("badgekiosk: listening on \(configuration.listenHost):\(host.port); claim links start \(host.service.publicURL)")
        Console.error("badgekiosk: staff token in \(configuration.stateDirectory)/\(StaffToken.fileName)")

        let systemd = SystemdNotifier(environment: ProcessInfo.processInfo.environment)
        systemd.notify("READY=1\nSTATUS=Listening on port \(host.port)")
        let signal = waitForStop(systemd)
        Console.error("badgekiosk: \(signal == SIGTERM ? "SIGTERM" : "SIGINT"): finishing requests in flight")
        systemd.notify("STOPPING=1")
        host.stop(grace: 5)
        Console.error("badgekiosk: stopped")
    }

    /// Blocks until SIGTERM or SIGINT, sending the watchdog keep-alive meanwhile when systemd asks for one.
    private static func waitForStop(_ systemd: SystemdNotifier) -> Int32 {
        guard let interval = systemd.watchdogInterval else { return Signals.wait(for: [SIGTERM, SIGINT]) }
        while true {
            if let signal = Signals.wait(for: [SIGTERM, SIGINT], seconds: interval) { return signal }
            systemd.notify("WATCHDOG=1")
        }
    }
}
