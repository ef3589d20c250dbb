@preconcurrency import Glibc
import Foundation
import KioskCore
import KioskService
import Posix

/// Where `badgekiosk setup` keeps what it is told, and the writing of it: the settings file (0640,
/// written whole and at once, the old one kept), the issuer secret in its own file (0600) beside it,
/// and, for the system's settings under systemd, the units' hand-over of that secret.
struct SetupFiles {
    /// The settings as they will be written.
    struct Settings {
        var values: [String: String]
        var text: String { KioskSettings.fileText(values: values) }
        /// The file with the PIN's hash and the Wi-Fi password hidden, for `--dry-run`.
        var maskedText: String {
            var shown = values
            for key in ["pin_hash", "wifi_password"] where !(shown[key] ?? "").isEmpty { shown[key] = "(hidden)" }
            return KioskSettings.fileText(values: shown)
        }
    }

    let configPath: String
    let secretPath: String
    /// systemd's drop-in that hands the service the secret as a credential: the service runs as a
    /// dynamic user that cannot read the root-only secret file itself.
    static let credentialDropIn = "/etc/systemd/system/badgekiosk.service.d/issuer-secret.conf"

    init(configPath: String, secretPath: String?) {
        self.configPath = configPath
        let folder = configPath.lastIndex(of: "/").map { String(configPath[..<$0]) } ?? "."
        self.secretPath = secretPath ?? "\(folder.isEmpty ? "" : folder)/issuer-secret"
    }

    /// The file the packaged units read.
    var isSystemConfig: Bool { configPath == ServiceConfiguration.defaultPath }

    /// The secret already saved, if there is one.
    func savedSecret() -> String? {
        let text = (try? SetupCommand.readText(secretPath, missingIsNil: true))??.trimmingWhitespace()
        return text?.isEmpty == false ? text : nil
    }

    /// The wizard's answers as settings: the PIN hashed (a plain `pin` from before is hashed too and
    /// removed) and the secret file named.
    func settings(from wizard: SetupWizard) throws -> Settings {
        var values = wizard.values
        if let pin = wizard.pin ?? values["pin"] {
            var generator = SystemRandomNumberGenerator()
            values["pin_hash"] = PINHash(pin: pin, using: &generator).text
            values["pin"] = nil
        }
        if wizard.issuer != nil, wizard.secret != nil || wizard.hasSecret {
            values["issuer_client_secret_file"] = secretPath
        }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            if let problem = KioskSettings.problem(setting: key, value: value) {
                throw RuntimeError("\(configPath): \(key): \(problem); fix it with badgekiosk setup or in the file")
            }
        }
        return Settings(values: values)
    }

    /// Writes the secret, a copy of the old settings and the new settings; says what it did, one line each.
    func write(_ settings: Settings, secret: String?, before existing: String?) throws -> [String] {
        do {
            return try writeFiles(settings, secret: secret, before: existing)
        } catch let error as SystemError {
            throw RuntimeError("the settings could not be saved (\(error))" + SetupCommand.asRoot(error.code))
        }
    }

    private func writeFiles(_ settings: Settings, secret: String?, before existing: String?) throws -> [String] {
        var done: [String] = []
        if let existing {
            try FileDescriptor.replaceFile(configPath + ".before-setup", with: Array(existing.utf8), mode: 0o600)
            done.append("The old settings are kept in \(configPath).before-setup.")
        }
        if let secret {
            try FileDescriptor.replaceFile(secretPath, with: Array((secret + "\n").utf8), mode: 0o600)
            done.append("The issuer secret is saved in \(secretPath), readable by root alone.")
        }
        try FileDescriptor.replaceFile(configPath, with: Array(settings.text.utf8), mode: 0o640)
        done.append("The settings are saved in \(configPath); the PIN only as a hash.")
        if isSystemConfig, settings.values["issuer_client_secret_file"] != nil, Self.systemdRuns {
            try handOverSecret()
            done.append("The service gets the secret from systemd (\(Self.credentialDropIn)).")
        }
        return done
    }

    private static var systemdRuns: Bool { access("/run/systemd/system", F_OK) == 0 }

    private func handOverSecret() throws {
        let text = """
            # Written by badgekiosk setup: the service runs as a dynamic user that cannot read the root-only
            # secret file, so systemd hands it a private copy at each start.
            [Service]
            LoadCredential=issuer-secret:\(secretPath)
            Environment=BADGEKIOSK_ISSUER_CLIENT_SECRET_FILE=%d/issuer-secret

            """
        let folder = String(Self.credentialDropIn[..<Self.credentialDropIn.lastIndex(of: "/")!])
        _ = systemCall("mkdir \(folder)") { mkdir(folder, 0o755) }
        try FileDescriptor.replaceFile(Self.credentialDropIn, with: Array(text.utf8), mode: 0o644)
        _ = Self.systemctl(["daemon-reload"])
    }

    /// Whether systemd runs the service now.
    static func serviceIsActive() -> Bool {
        systemdRuns && systemctl(["is-active", "--quiet", "badgekiosk.service"])
    }

    /// This machine's `<hostname>.local` when avahi is installed to publish it; nil without avahi.
    static func avahiLocalName() -> String? {
        guard access("/usr/sbin/avahi-daemon", X_OK) == 0 else { return nil }
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { return nil }
        let host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return host.isEmpty || host == "localhost" ? nil : host.split(separator: ".")[0] + ".local"
    }

    /// Restarts the service, and the front if it runs.
    static func restartUnits() -> Bool {
        systemctl(["try-restart", "badgekiosk.service", "badgekiosk-front.service"])
    }

    private static func systemctl(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemctl")
        process.arguments = arguments
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
