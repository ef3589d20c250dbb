import KioskCore
import Posix

/// The claim codes still open, for matching what a learner scanned or typed, and the store for the rest.
///
/// Open codes are kept in memory so the hot claim path needs no database read. Expired ones are
/// asked of the store (`lookUp`, on its unique indexes) and not kept: a kiosk makes codes for
/// years, and the book must not grow with them. Lookup goes through a Dictionary, whose hashing is
/// seeded per process, so timing reveals nothing about how close a guess was; the final check is a
/// constant-time comparison of the whole code.
public final class CodeBook: Sendable {
    /// A code as given: a QR token, or a short code in its normal form.
    public enum Key: Sendable, Equatable {
        case token(String)
        case short(String)
    }

    /// What the book remembers of one code: enough to route a claim to its session.
    public struct Entry: Sendable, Equatable {
        public var codeID: Int64
        public var sessionID: Int64
        public var token: String
        public var short: String
    }

    private let entries = Locked<(byToken: [String: Entry], byShort: [String: Entry])>(([:], [:]))
    private let lookUp: @Sendable (Key) -> ClaimCode?

    /// A book of `codes` (the open ones); a code not in it is looked up with `lookUp`.
    public init(_ codes: [ClaimCode] = [], lookUp: @escaping @Sendable (Key) -> ClaimCode? = { _ in nil }) {
        self.lookUp = lookUp
        for code in codes { add(code) }
    }

    public func add(_ code: ClaimCode) {
        let entry = Self.entry(code)
        entries.withLock {
            $0.byToken[code.token] = entry
            $0.byShort[code.short] = entry
        }
    }

    /// The code a learner gave: a QR token, or a short code typed with any case, dashes or spaces.
    public func find(_ given: String) -> Entry? {
        let trimmed = given.trimmingWhitespace()
        guard trimmed.utf8.count <= 64 else { return nil }
        if RandomToken.looksLikeClaimToken(trimmed) {
            guard let entry = entries.withLock({ $0.byToken[trimmed] }) ?? lookUp(.token(trimmed)).map(Self.entry) else { return nil }
            return ConstantTime.equal(entry.token, trimmed) ? entry : nil
        }
        guard let short = ShortCode.normalize(trimmed),
              let entry = entries.withLock({ $0.byShort[short] }) ?? lookUp(.short(short)).map(Self.entry) else { return nil }
        return ConstantTime.equal(entry.short, short) ? entry : nil
    }

    private static func entry(_ code: ClaimCode) -> Entry {
        Entry(codeID: code.id, sessionID: code.sessionID, token: code.token, short: code.short)
    }

    public var count: Int { entries.withLock { $0.byToken.count } }
}
