/// The "Well done Amira!" lines on the kiosk's first screen, for learners who said yes, held in memory only.
///
/// Nothing here is ever written to disk, so there is no name for the retention purge to miss: a
/// restart forgets every offer and line. A new claim is offered a line under a random key that only
/// its claimer is given; saying yes (`accept`) within `offerSeconds` of claiming shows the learner's
/// first name for `showSeconds`, at most `maxShown` at a time, newest first.
public struct Celebrations: Sendable {
    /// How long after claiming a learner may still say yes.
    public static let offerSeconds: Int64 = 15 * 60
    /// How long a line stays on the screen after the learner said yes.
    public static let showSeconds: Int64 = 10 * 60
    /// Lines shown at once: the newest push the oldest off.
    public static let maxShown = 3
    /// Characters of a first name shown: room for the line on an 80-column screen.
    public static let maxNameLength = 20
    /// Offers kept at once, so a burst of claims cannot grow memory without bound (the oldest go first).
    public static let maxOffers = 1000

    /// One line on the screen.
    public struct Line: Sendable, Equatable {
        /// The key the learner was given: a second yes finds the same line.
        public var key: String
        /// The first name as shown (see `displayName`).
        public var name: String
        public var sessionID: Int64
        /// When the learner said yes.
        public var at: Timestamp

        /// When it leaves the screen.
        public var until: Timestamp { at.adding(seconds: Celebrations.showSeconds) }
    }

    /// Claims whose learner may still say yes, oldest first, from `firstOffer` on. The ones before it
    /// have gone; they are cleared in one go once they are half the array, so an offer, which every
    /// new claim makes in the store's queue of answers, never shifts a thousand others along.
    private var offers: [Line] = []
    private var firstOffer = 0
    /// Lines said yes to, newest first, at most `maxShown`.
    private var shown: [Line] = []

    public init() {}

    /// Offers a line to a new claim's learner under `key`; false (and nothing kept) when the name
    /// has nothing that may be shown.
    @discardableResult
    public mutating func offer(key: String, name: String, sessionID: Int64, at now: Timestamp) -> Bool {
        guard let shownName = Self.displayName(name) else { return false }
        dropExpired(at: now)
        firstOffer += max(0, offers.count - firstOffer - Self.maxOffers + 1)
        offers.append(Line(key: key, name: shownName, sessionID: sessionID, at: now))
        compact()
        return true
    }

    /// The learner with `key` said yes: their line, shown from now (or the one already showing for a
    /// second yes). Nil when the key is unknown, or the offer or the line has run out.
    public mutating func accept(key: String, at now: Timestamp) -> Line? {
        dropExpired(at: now)
        if let line = shown.first(where: { ConstantTime.equal($0.key, key) }) { return line }
        guard let index = offers[firstOffer...].firstIndex(where: { ConstantTime.equal($0.key, key) }),
              now < offers[index].at.adding(seconds: Self.offerSeconds) else { return nil }
        var line = offers.remove(at: index)
        line.at = now
        shown.insert(line, at: 0)
        if shown.count > Self.maxShown { shown.removeLast(shown.count - Self.maxShown) }
        return line
    }

    /// The lines on the screen now, newest first.
    public func lines(at now: Timestamp) -> [Line] {
        shown.filter { now < $0.until }
    }

    /// Offers come in claim order, so the expired ones are at the front: a claim costs no scan of them all.
    private mutating func dropExpired(at now: Timestamp) {
        firstOffer = offers[firstOffer...].firstIndex { now < $0.at.adding(seconds: Self.offerSeconds) } ?? offers.count
        compact()
        shown.removeAll { now >= $0.until }
    }

    /// Clears the offers gone once they are at least half of those kept: each is moved at most once more.
    private mutating func compact() {
        guard firstOffer > 0, firstOffer * 2 >= offers.count else { return }
        offers.removeFirst(firstOffer)
        firstOffer = 0
    }

    /// What of a typed name may go on a public screen: the first word, without invisible or control
    /// characters, at most `maxNameLength` characters. Nil when nothing is left, when it has no
    /// letter, or when it holds an `@` (an email typed as a name is never shown).
    public static func displayName(_ name: String) -> String? {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: name.unicodeScalars.filter { TextRules.isJoiner($0) || !TextRules.isInvisible($0) })
        let first = String(scalars).split(whereSeparator: { $0.unicodeScalars.contains { $0.properties.isWhitespace } }).first
        guard let first, !first.contains("@"), first.unicodeScalars.contains(where: TextRules.isLetter) else { return nil }
        return String(first.prefix(maxNameLength))
    }
}
