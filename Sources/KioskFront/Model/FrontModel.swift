import KioskCore
import Localization
import QRCode

/// Everything the front shows, as a value: `Front.update` changes it, `FrontView.render` draws it.
struct FrontModel: Equatable, Sendable {
    /// What stays the same while the front runs.
    struct Settings: Equatable, Sendable {
        var issuerName: String
        var demoHint: String?
        var allowQuit: Bool
        var pin: String?
        /// Checked off the update path (`FrontEffect.checkPIN`): a check takes a tenth of a second or more.
        var pinHash: PINHash? = nil

        /// Whether volunteer mode can be opened at all.
        var hasPIN: Bool { pin != nil || pinHash != nil }
        var qrStyle: QRRenderStyle
        var language: Language
        /// The venue Wi-Fi, shown (as a code to scan, or in words) wherever a claim code is.
        var wifi: VenueWiFi? = nil
        /// Whether each learner screen is read out as it opens (F1 reads one at any time).
        var speakScreens = false
        /// Whether this machine can speak at all (espeak-ng is installed): Arabic is offered only then.
        var canSpeak = false
        /// Whether `lp` is installed: a learner with no email may then print their later code.
        var canPrint = false
    }

    /// Whether the service answers.
    enum ServiceStatus: Equatable, Sendable {
        case connecting
        case up
        case down
    }

    let settings: Settings
    var language: Language
    var screen: Screen = .attract
    var service: ServiceStatus = .connecting
    var sessions: [SessionInfo] = []
    var todayClaims = 0
    /// A session that ended in the last hour: its code is offered on the first screen.
    var recent: RecentSession?
    /// "Well done" lines for the first screen, newest first.
    var celebrations: [Celebration] = []
    /// Monotonic seconds, as of the event being handled.
    var now: Double
    /// When a person last pressed a key (for the inactivity prompt).
    var lastInput: Double
    var pinGuard = TryLimit.pin
    /// Wrong codes the learner at the keyboard has typed; the first screen starts it afresh.
    var codeTries = TryLimit.code

    init(settings: Settings, now: Double) {
        self.settings = settings
        language = settings.language
        self.now = now
        lastInput = now
    }

    /// The language the screen is drawn in: the learner's, or English for one the console cannot draw.
    var displayLanguage: Language { language.consoleSafe ? language : .english }

    /// The words for `key` as shown, in the display language.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Catalogs.shared[displayLanguage].text(key, values)
    }

    func text(_ message: Message) -> String {
        message.literal ?? text(message.key, message.values)
    }

    /// The words for `key` as spoken, in the learner's own language (Arabic too).
    func spoken(_ key: String, _ values: [String: String] = [:]) -> String {
        Catalogs.shared[language].text(key, values)
    }

    func spoken(_ message: Message) -> String {
        message.literal ?? spoken(message.key, message.values)
    }
}

/// A session that just ended here, as the first screen shows it.
struct RecentSession: Equatable, Sendable {
    var id: Int64
    var title: String
    var code: CodeInfo
    var claimed: Int
    var expected: Int
    /// Monotonic time after which it is no longer offered (an hour after it ended).
    var visibleUntil: Double
}

/// A "Well done" line on the first screen, for a learner who said yes.
struct Celebration: Equatable, Sendable {
    var name: String
    var sessionTitle: String
    /// Monotonic time after which it is no longer shown.
    var visibleUntil: Double
}

/// One catalogue per language, built once.
struct Catalogs: Sendable {
    static let shared = Catalogs()
    private let byLanguage: [Language: Catalog]

    private init() {
        byLanguage = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, Catalog($0)) })
    }

    subscript(language: Language) -> Catalog {
        byLanguage[language] ?? Catalog(.english)
    }
}
