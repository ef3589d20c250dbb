import Foundation
import KioskFront
import KioskService

/// `badgekiosk front`: the full-screen terminal front on this terminal (tty1 on the kiosk).
enum FrontCommand {
    static let help = """
    Usage: badgekiosk front [--service URL] [--state-dir DIR] [--config FILE]

    The screens learners and volunteers use: claiming a badge one question at a time, and, behind
    the volunteer PIN (F2), starting and ending sessions, slip codes and the outbox. Talks to the
    local service over its HTTP API. Learners cannot leave it; it ends only when its terminal does.

    Options:
      --service URL    The local service (default: service_url, else http://127.0.0.1:<listen port>).
      --state-dir DIR  Where the staff token is read from (<DIR>/staff-token) and slip pictures
                       are saved (<DIR>/slips). Default: state_dir from the settings.
      --config FILE    Settings file (default \(ServiceConfiguration.defaultPath), if present).
      --help           Show this help.

    \(SettingsSection.front.help)
    """

    static func run(_ arguments: Arguments) throws {
        var arguments = arguments
        if arguments.flag("help") { return Console.out(help) }
        let path = try arguments.option("config")
        var overrides: [(String, String)] = []
        if let service = try arguments.option("service") { overrides.append(("service_url", service)) }
        if let stateDirectory = try arguments.option("state-dir") { overrides.append(("state_dir", stateDirectory)) }
        try arguments.finish()
        let settings = try KioskSettings.forCommand(path: path, overrides: overrides)
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
            serviceURL: settings.localServiceURL, staffToken: token, pin: settings.front.pin,
            issuerName: settings.service.issuer?.displayName ?? "Open Badge Factory",
            qrStyle: QRStyleSetting(rawValue: settings.front.qrStyle) ?? .auto,
            slipDirectory: "\(settings.service.stateDirectory)/slips")
    }
}
