import KioskCore

/// What `badgekiosk front` reads from the `[front]` part of the settings file. The front also reads
/// the service's `listen`, `state_dir` and `issuer` (see `KioskSettings`).
public struct FrontSettings: Sendable, Equatable {
    /// The volunteer PIN, 4 to 12 digits; unset, volunteer mode cannot be opened.
    public var pin: String?
    /// The volunteer PIN as `badgekiosk setup` stores it: salted and slow to guess. Wins over `pin`.
    public var pinHash: PINHash?
    /// The venue Wi-Fi's name, for the "join the Wi-Fi" QR code; unset, none is shown.
    public var wifiName: String?
    /// The venue Wi-Fi's password; unset or empty for an open network.
    public var wifiPassword: String?
    /// The CUPS printer for slips; unset, the machine's default printer.
    public var printer: String?
    /// Whether each learner screen is read out as it opens (espeak-ng); F1 reads one either way.
    public var speakScreens: Bool
    /// `halfblock`, `blocks` or `auto` (ask the console font).
    public var qrStyle: String
    /// Where the front finds the service; nil means the service's `listen` port on 127.0.0.1.
    public var serviceURL: String?

    /// Every setting at its default.
    public init() {
        self = Self.defaults
    }

    private static let defaults = tableDefaults()

    init(unfilled: ()) {
        qrStyle = ""
        speakScreens = false
    }

    /// The front's settings that have a command-line flag.
    public static let flags: [SettingFlag] = settings.compactMap(\.info.flag)
}

extension FrontSettings: SettingsPart {
    /// The front's settings: the `[front]` part of the file.
    static let settings: [Setting<FrontSettings>] = [
        .optional("pin", \.pin, sample: "2468",
                  doc: "The volunteer PIN, 4 to 12 digits; unset, volunteer mode cannot be opened.",
                  comment: ["In plain digits: sudo badgekiosk setup stores it hashed instead, as pin_hash."]) {
            checked((4...12).contains($0.count) && $0.allSatisfy({ $0.isASCII && $0.isNumber }) ? $0 : nil,
                    or: "expected 4 to 12 digits")
        },
        .optional("pin_hash", \.pinHash, sample: "pbkdf2-sha256$100000$SALT$HASH",
                  doc: "The volunteer PIN, hashed: badgekiosk setup writes it (and removes pin).",
                  comment: ["Set or change the PIN with: sudo badgekiosk setup"]) {
            checked(PINHash(parsing: $0), or: "expected a hash written by badgekiosk setup (pbkdf2-sha256$...)")
        },
        .optional("wifi_name", \.wifiName, sample: "Venue Guest",
                  doc: "The venue Wi-Fi's name, for the \"join the Wi-Fi\" QR code; unset, none is shown.") {
            checked((1...32).contains($0.utf8.count) ? $0 : nil, or: "expected a Wi-Fi name of 1 to 32 bytes")
        },
        .optional("wifi_password", \.wifiPassword, sample: "PASSWORD",
                  doc: "The venue Wi-Fi's password, 8 to 63 characters; unset or empty for an open network.") {
            checked($0.isEmpty || (8...63).contains($0.count) ? $0 : nil,
                    or: "expected a Wi-Fi password of 8 to 63 characters, or nothing for an open network")
        },
        .optional("printer", \.printer, sample: "Office",
                  doc: "The CUPS printer slips print on (a name lpstat -p lists); unset, the default printer.") {
            checked((1...127).contains($0.utf8.count) && $0.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
                    ? $0 : nil, or: "expected a printer name as lpstat -p lists it: letters, digits, - _ and .")
        },
        .yesNo("speak_screens", \.speakScreens, default: false,
               doc: "Whether the kiosk reads each learner screen aloud as it opens: yes or no (F1 reads one either way).",
               comment: ["Needs espeak-ng and a sound device; without them the kiosk stays silent.",
                         "With espeak-ng installed, the first screen also offers Arabic, spoken (the screen stays English)."]),
        .value("qr_style", \.qrStyle, default: "auto",
               doc: "How QR codes are drawn: halfblock, blocks or auto (ask the Linux console's font).",
               comment: ["blocks draws two reverse-video spaces a module, for console fonts without half blocks."]) {
            checked(["halfblock", "blocks", "auto"].contains($0) ? $0 : nil, or: "expected halfblock, blocks or auto")
        },
        .optional("service_url", \.serviceURL, sample: "http://127.0.0.1:8080", flag: ("service", "URL"),
                  doc: "Where the front finds the service; unset, http://127.0.0.1 and the listen port.") { text in
            let valid = text.hasPrefix("http://") && text.count > 7 && !text.contains(" ")
            return checked(valid ? withoutTrailingSlash(text) : nil, or: "expected the service's address, e.g. http://127.0.0.1:8080")
        },
    ]
}
