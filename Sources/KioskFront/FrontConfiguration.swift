import KioskCore
import Localization

/// What `FrontApp` needs to run: where the service is, the secrets, and how to look.
public struct FrontConfiguration: Sendable {
    /// The local service, e.g. `http://127.0.0.1:8080`.
    public var serviceURL: String
    /// The staff token (from `<state-dir>/staff-token`): volunteer actions and live events need it.
    public var staffToken: String?
    /// The volunteer PIN; nil means volunteer mode cannot be opened (the PIN screen says so).
    public var pin: String?
    /// The volunteer PIN as `setup` stores it (`pin_hash`); it wins over `pin` when both are set.
    public var pinHash: PINHash?
    /// Who makes and emails the badges, named to learners before they agree ("Open Badge Factory").
    public var issuerName: String
    public var qrStyle: QRStyleSetting
    /// A line shown on the first screen, e.g. "Demo: volunteer PIN is 1234 - press F2".
    public var demoHint: String?
    /// Whether volunteer mode offers "Quit" (only the demo: an appliance's front never ends).
    public var allowQuit: Bool
    /// Where sheets of slips are saved as PDF, to print.
    public var slipDirectory: String
    /// The CUPS printer slips go to; nil for the machine's default printer.
    public var printer: String?
    /// Whether each learner screen is read out as it opens (with espeak-ng installed).
    public var speakScreens: Bool
    /// The language the first screen starts in, and returns to after each learner.
    public var language: Language
    /// The venue Wi-Fi learners' phones must join first; nil when none is set.
    public var wifi: VenueWiFi?

    public init(serviceURL: String, staffToken: String?, pin: String?, pinHash: PINHash? = nil, issuerName: String = "Open Badge Factory",
                qrStyle: QRStyleSetting = .auto, demoHint: String? = nil, allowQuit: Bool = false,
                slipDirectory: String = ".", language: Language = .english, wifi: VenueWiFi? = nil,
                printer: String? = nil, speakScreens: Bool = false) {
        self.serviceURL = serviceURL
        self.staffToken = staffToken
        self.pin = pin
        self.pinHash = pinHash
        self.issuerName = issuerName
        self.qrStyle = qrStyle
        self.demoHint = demoHint
        self.allowQuit = allowQuit
        self.slipDirectory = slipDirectory
        self.language = language
        self.wifi = wifi
        self.printer = printer
        self.speakScreens = speakScreens
    }
}

/// The `qr_style` setting: half blocks, two reverse-video spaces a module, or ask the console font.
public enum QRStyleSetting: String, Sendable, CaseIterable {
    case halfBlock = "halfblock"
    case blocks
    /// Half blocks unless this is a Linux VT whose font lacks them.
    case auto
}

/// Why `FrontApp.run()` returned.
public enum FrontExit: Equatable, Sendable {
    /// A volunteer chose Quit (only offered when `allowQuit` is set).
    case quit
    /// The terminal went away (hang-up or end of input).
    case terminalClosed
}

/// The front could not start.
public struct FrontError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
