import Foundation
import KioskCore
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

        It also reads from the [service] part: issuer (named to learners), listen (to find the service)
        and state_dir (the staff token in <DIR>/staff-token; slip pictures saved in <DIR>/slips).

        \(SettingsSection.front.help)
        """,
        options: SettingsOptions.options(FrontSettings.flags) + [SettingsOptions.stateDirectory, SettingsOptions.config],
        run: { parsed in try run(SettingsOptions.load(parsed)) })

    private static func run(_ settings: KioskSettings) throws {
        let configuration = try frontConfiguration(settings)
        let exit: FrontExit
        do {
            exit = try FrontApp(configuration: configuration).run()
        } catch let error as FrontError {
            throw RuntimeError(error.description)
        }
        if exit == .terminalClosed { Console.error("badgekiosk: the terminal closed") }
    }

    /// The front's configuration from its settings, the service's and the staff token file.
    static func frontConfiguration(_ settings: KioskSettings) throws -> FrontConfiguration {
        let tokenPath = "\(settings.service.stateDirectory)/\(StaffToken.fileName)"
        let token = (try? String(contentsOfFile: tokenPath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        if token == nil {
            Console.error("badgekiosk: cannot read \(tokenPath); volunteer mode will not work until the service has made it")
        }
        return FrontConfiguration(
            serviceURL: settings.localServiceURL, staffToken: token, pin: settings.front.pin, pinHash: settings.front.pinHash,
            issuerName: settings.service.issuer?.displayName ?? "Open Badge Factory",
            qrStyle: QRStyleSetting(rawValue: settings.front.qrStyle) ?? .auto,
            slipDirectory: "\(settings.service.stateDirectory)/slips",
            wifi: settings.front.wifiName.map { VenueWiFi(name: $0, password: settings.front.wifiPassword) },
            printer: settings.front.printer, speakScreens: settings.front.speakScreens)
    }
}
