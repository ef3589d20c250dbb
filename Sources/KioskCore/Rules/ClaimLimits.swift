/// The limits the service puts on phones, so no one on the venue Wi-Fi can guess codes or take
/// every place: wrong codes per address, wrong codes service-wide, and new claims per address per code.
///
/// Requests from the kiosk's own front carry the staff token and skip these limits (it limits wrong
/// codes per learner itself), so a phone misbehaving on the Wi-Fi never locks the kiosk.
///
/// The figures, for a printed single-use slip (`ShortCode.slipLength` characters from 31):
/// - code space: 31^10 = 819,628,286,980,801 (about 8.2 × 10^14); a session's 6-character code has
///   31^6 = 887,503,681.
/// - guesses allowed: 10 wrong codes per address per 5 minutes (120 an hour), and at most 200 wrong
///   short codes an hour from all phones together, however many addresses they use. QR tokens
///   (128 random bits) cannot be guessed, so they spend only the per-address budget and phones that
///   scan stay unaffected when the service-wide budget runs out.
/// - odds over a slip's 72 hours with 200 live slips: 200 × 72 = 14,400 guesses, each hitting with
///   probability 200 / 31^10, so about 3.5 × 10^-9 (1 in 285 million). Before, with 6-character slips
///   and no service-wide budget, 253 addresses had a 39% chance. For 10 live session codes the same
///   14,400 guesses have a 1.6 × 10^-4 chance, and a session code only admits a place in that session.
public struct ClaimLimits: Sendable {
    /// The numbers behind the limits.
    public struct Settings: Sendable, Equatable {
        public var failuresPerAddress = 10
        public var addressWindowSeconds: Int64 = 300
        public var failuresServiceWide = 200
        public var serviceWindowSeconds: Int64 = 3600
        /// A family sharing one phone can still claim a place each.
        public var claimsPerAddressPerCode = 5
        /// Over a code's whole life (its default lifetime), so one phone cannot come back for more.
        public var claimWindowSeconds: Int64 = 72 * 3600

        public init() {}
    }

    /// The key the service-wide budget is counted under.
    private static let everyone = "*"

    public let settings: Settings
    private var perAddress: AttemptLimiter
    private var serviceWide: AttemptLimiter
    private var claims: AttemptLimiter

    public init(_ settings: Settings = Settings()) {
        self.settings = settings
        perAddress = AttemptLimiter(maxAttempts: settings.failuresPerAddress, windowSeconds: settings.addressWindowSeconds)
        serviceWide = AttemptLimiter(maxAttempts: settings.failuresServiceWide, windowSeconds: settings.serviceWindowSeconds)
        claims = AttemptLimiter(maxAttempts: settings.claimsPerAddressPerCode, windowSeconds: settings.claimWindowSeconds)
    }

    /// Before a code from `address` is looked up: nil when it may be, else the whole seconds to wait.
    ///
    /// A `guessable` code (a short code, not a QR token) also spends the service-wide budget. The
    /// attempt is counted now, so parallel requests cannot all slip under a limit; `codeMatched`
    /// takes it back when the code was right.
    public mutating func admitCode(from address: String, guessable: Bool, now: Timestamp) -> Int64? {
        if let wait = perAddress.retryAfter(for: address, now: now) { return wait }
        if guessable, let wait = serviceWide.retryAfter(for: Self.everyone, now: now) { return wait }
        perAddress.record(for: address, now: now)
        if guessable { serviceWide.record(for: Self.everyone, now: now) }
        return nil
    }

    /// The code admitted at `time` was right: it was no guess, so it does not count.
    public mutating func codeMatched(from address: String, guessable: Bool, admittedAt time: Timestamp) {
        perAddress.forget(for: address, at: time)
        if guessable { serviceWide.forget(for: Self.everyone, at: time) }
    }

    /// Before a new claim from `address` with code `codeID`: nil when it may be made (a place is held
    /// for it), else the whole seconds until this address may make another.
    public mutating func admitClaim(from address: String, code codeID: Int64, now: Timestamp) -> Int64? {
        claims.take(for: Self.claimKey(address, codeID), now: now)
    }

    /// The claim admitted at `time` did not become a new one (a repeat, a full or expired code, a
    /// failed write): the place held for it is given back.
    public mutating func claimNotMade(from address: String, code codeID: Int64, admittedAt time: Timestamp) {
        claims.forget(for: Self.claimKey(address, codeID), at: time)
    }

    private static func claimKey(_ address: String, _ codeID: Int64) -> String {
        "\(codeID) \(address)"
    }
}
