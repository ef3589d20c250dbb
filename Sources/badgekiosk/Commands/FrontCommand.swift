import Foundation
import KioskFront
import KioskService

/// `badgekiosk front`: the full-screen terminal front on this terminal (tty1 on the kiosk).
enum FrontCommand {
    static let declaration = CommandDeclaration(
        "front", summary: "Run the full-screen terminal front (learners claim, volunteers run sessions).",
        description: """
        The screens learners and volunteers use: claiming a badge one question at a time, and, behind
        the volunteer PIN (F2), starting and ending sessions, slip codes and the outbox. Talks to the
        local service over its HTTP API. Learners cannot leave it; it ends only when its terminal does.

        Settings the front reads from the same file: pin (the volunteer PIN, 4 to 12 digits),
        qr_style (halfblock, blocks or auto), service_url, issuer (named to learners), listen, state_dir.
        """,
        options: [
            OptionDeclaration("service", placeholder: "URL", doc: "The local service",
                              defaultValue: .described("service_url, else http://127.0.0.1:<listen port>"), setting: "service_url"),
            SettingsOptions.stateDirectory("Where the staff token is read from (<DIR>/staff-token) and slip pictures are saved (<DIR>/slips)"),
            SettingsOptions.config,
        ],
        run: { parsed in try run(SettingsOptions.load(parsed)) })

    private static func run(_ settings: ServiceConfiguration) throws {
        let configuration = try frontConfiguration(settings)
        let exit: FrontExit
        do {
            exit = try FrontApp(configuration: configuration).run()
        } catch let error as FrontError {
            throw RuntimeError(error.description)
        }
        if exit == .terminalClosed { Console.error("badgekiosk: the terminal closed") }
    }

    /// The front's settings from the service's configuration and the staff token file.
    static func frontConfiguration(_ settings: ServiceConfiguration) throws -> FrontConfiguration {
        let serviceURL = settings.frontServiceURL ?? "http://127.0.0.1:\(settings.listenPort)"
        let tokenPath = "\(settings.stateDirectory)/\(StaffToken.fileName)"
        let token = (try? String(contentsOfFile: tokenPath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        if token == nil {
            Console.error("badgekiosk: cannot read \(tokenPath); volunteer mode will not work until the service has made it")
        }
        return FrontConfiguration(
            serviceURL: serviceURL, staffToken: token, pin: settings.frontPIN,
            issuerName: settings.issuer?.displayName ?? "Open Badge Factory",
            qrStyle: QRStyleSetting(rawValue: settings.frontQRStyle) ?? .auto,
            slipDirectory: "\(settings.stateDirectory)/slips")
    }
}
